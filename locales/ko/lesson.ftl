### 수업 내용의 한국어 표현: 단계 설명, 수식, 그리고 강의 자료(handout).
### 숫자와 기호는 이미 문자열로 만들어진 인자로 전달된다.

## 활성함수 f의 식, 도함수, 그리고 f를 숫자에 적용한 식.
## 기호로만 이루어져 있으므로 영어와 같게 둔다.

activation-sigmoid-formula = σ(net) = 1/(1 + e^−net)
activation-tanh-formula = tanh(net)
activation-relu-formula = max(0, net)
activation-linear-formula = net
activation-softmax-formula = e^net_i / Σ_j e^net_j

activation-sigmoid-derivative = f′(net) = f(net)(1 − f(net))
activation-tanh-derivative = f′(net) = 1 − f(net)²
activation-relu-derivative = f′(net) = net > 0이면 1, 아니면 0
activation-linear-derivative = f′(net) = 1
activation-softmax-derivative = ∂s_i/∂net_j = s_i(δ_ij − s_j)

activation-sigmoid-applied = σ({ $net })
activation-tanh-applied = tanh({ $net })
activation-relu-applied = max(0, { $net })
activation-linear-applied = { $net }
activation-softmax-applied = e^{ $term } / Σ_k e^net{ $layer }ₖ

## 샘플 하나에 대한 각 손실의 식과 dC/dO.

loss-mse-formula = C = Σ_k (d_k − O_k)²
loss-half-mse-formula = C = ½ Σ_k (d_k − O_k)²
loss-cross-entropy-formula = C = −Σ_k d_k ln O_k
loss-binary-cross-entropy-formula = C = −Σ_k [d_k ln O_k + (1 − d_k) ln(1 − O_k)]

loss-mse-derivative = dC/dO = 2(O − d)
loss-half-mse-derivative = dC/dO = O − d
loss-cross-entropy-derivative = dC/dO = −d/O
loss-binary-cross-entropy-derivative = dC/dO = (O − d)/(O(1 − O))

## 비용 함수의 이름(그래프 제목). "CE"는 쓰지 않는다: 강의에서 분류 오류를 CE로 줄여 쓰기 때문에 헷갈린다.

cost-mse = MSE
cost-half-mse = ½ MSE
cost-cross-entropy = 교차 엔트로피
cost-binary-cross-entropy = 이진 교차 엔트로피
cost-classification-error = 분류 오류
cost-cross-entropy-short = 교차 엔트
cost-binary-cross-entropy-short = 이진 교차 엔트
cost-classification-error-short = 분류 오류
cost-mse-symbol = Σ(d−O)²
cost-half-mse-symbol = ½Σ(d−O)²
cost-cross-entropy-symbol = −Σ d ln O
cost-binary-cross-entropy-symbol = −Σ[d ln O + (1−d) ln(1−O)]
cost-classification-error-symbol = O의 클래스 ≠ d의 클래스

## 단계의 이름(상태 줄, 패널 제목, 메시지).

phase-start = 시작
phase-forward = 순전파 ({ $layer }층)
phase-loss = 손실
phase-output-delta = 출력층 델타
phase-hidden-delta = 은닉층 델타 ({ $layer }층)
phase-gradients = 기울기
phase-update = 갱신 ({ $layer }층)
phase-done = 완료

## 상태 줄: 각 항목의 전체 표기, 그리고 줄이 좁을 때 쓰는 짧은 표기.

status-epoch = 에폭 { $epoch }
status-epoch-short = 에폭 { $epoch }
status-iteration = 이터레이션 { $iteration }/{ $iterations }
status-iteration-short = 이터 { $iteration }/{ $iterations }
status-learning-rate = η = { $rate }
status-mode-sgd = SGD
status-mode-batch = 배치 GD (샘플 { $size }개)
status-mode-batch-short = 배치 GD
status-mode-mini-batch = 미니배치 크기 { $size }
status-mode-mini-batch-short = 미니배치 { $size }

## 도움말 창: 제목, 키 목록 아래의 설명, 스크롤 표시.

help-title = 키 (Esc: 닫기)
help-history = 어떻게 실행했든(한 단계씩, n, e, 자동 실행, 최고 속도) 최근 이터레이션 { $iterations }번 중 어디로든 같은 숫자로 되돌아갈 수 있다: 약 { $mebibytes } MiB의 체크포인트에서 다시 계산한다.
help-click = 다이어그램에서 뉴런을 클릭하면 그 뉴런이 선택된다.
help-more-above = ↑ 더
help-more-below = ↓ 더 (↓/PgDn)

## 각 단계가 하는 일과 그 이유(단계 패널, 한두 문장).

explain-start-fresh = 훈련 전의 신경망이다. Space를 누르면 첫 단계로 넘어간다: 순전파에서는 샘플 한 배치를 신경망에 통과시킨다.
explain-start = 앞선 이터레이션 { $completed }번을 마친 상태의 신경망이다. Space를 누르면 다음 이터레이션의 첫 단계로 넘어간다.
explain-forward = 순전파, { $layer }층: 각 뉴런은 입력 { $inputs }에 { $matrix }의 해당 행 가중치를 곱해 모두 더하고, 편향을 더한 다음 활성함수 f ({ $activation })에 통과시킨다.
explain-loss = 손실은 출력값 O와 정답 d를 비교한다: { $formula }. 훈련은 이 값을 줄여 나가는 과정이다.
explain-output-delta = 출력층 델타: 각 출력 뉴런의 순입력 net이 변할 때 비용이 얼마나 변하는지를 나타낸다. δ = ∂C/∂net = dC/dO · f′(net). 오차가 크면 가중치가 많이 바뀌고, 작으면 조금 바뀐다.
explain-hidden-delta = 은닉층 델타, { $layer }층: 오차가 { $matrix }(갱신되기 전의 값)의 같은 가중치로 가중되어 역방향으로 전파되고, 여기에 이 층의 f′(net)을 곱한다.
explain-gradients = 기울기: 각 가중치가 오차에 기여한 몫이다. 그 가중치가 들어가는 뉴런의 δ에 가중치가 전달하는 값을 곱하고, 배치에 대해 평균한다(∂C/∂b = δ).
explain-update = { $matrix } 갱신: 기울기의 반대 방향으로, 학습률 η를 곱한 만큼 이동한다. { $last }부터 먼저 갱신하고, 그다음 그 앞의 층들을 갱신한다.
explain-update-only-layer = { $matrix } 갱신: 기울기의 반대 방향으로, 학습률 η를 곱한 만큼 이동한다. 이 신경망은 층이 하나뿐이므로 갱신할 행렬은 { $matrix }뿐이다.
explain-done = 이터레이션이 끝났다: 훈련 데이터 전체(와 검증 데이터)에 대한 비용을 다시 계산해 그래프에 추가한다. Space를 누르면 다음 이터레이션이 시작된다.
## 단계의 식을 기호로 나타낸 것(단계 패널).

formula-forward = net{ $sup } = { $matrix }·{ $inputs }{ $bias },  { $outputs } = { $activation }
formula-output-delta = δ = dC/dO · f′(net);  { $loss };  { $activation }
formula-hidden-delta = δ{ $sup } = ({ $matrix }ᵀ δ{ $next }) ⊙ f′(net{ $sup })
formula-gradients = ∂C/∂Wˡ = δˡ·(aˡ⁻¹)ᵀ의 배치 평균
formula-gradient = ∂C/∂{ $matrix } = { $delta }·{ $inputs }ᵀ의 배치 평균
formula-update = { $matrix } ← { $matrix } − η·∂C/∂{ $matrix }
formula-done = 전체 데이터에 대한 비용

## 이번 이터레이션의 숫자를 넣어 계산한 식.

worked-loss-over-training = 훈련 데이터 전체의 { $loss }: { $before } → { $after }
worked-output-delta-bce = { $ok } − { $dk }  (σ′ = O(1 − O)가 dC/dO의 분모를 약분한다)
worked-output-delta-softmax-ce = { $ok }·Σd − { $dk }  (softmax의 야코비안과 −d/O가 합쳐진 결과)
worked-output-delta-softmax = { $ok }·(∂C/∂{ $ok } − Σⱼ Oⱼ·∂C/∂Oⱼ)  (softmax의 야코비안)
worked-mean-over-samples = (1/{ $batch }) Σ_샘플 { $symbol }

## 훈련이 발산할 때.

divergence = 에폭 { $epoch }, 이터레이션 { $iteration }({ $phase })에서 훈련이 발산했다: { $quantity } = { $value }. { $advice }
divergence-advice-inputs = 입력값이나 가중치 초기값이 이 신경망에 비해 너무 크다: [data]에 normalize = "standardize"를 지정해 전처리하거나, 가중치 초기값을 더 작게 잡아 보자.
divergence-advice-weights = 가중치 초기값이 이 신경망에 비해 너무 크다(입력은 이미 표준화되어 있다): 가중치 초기값을 더 작게 잡아 보자.
divergence-advice-rate = 학습률을 더 작게 해 보자(현재 { $eta }).
quantity-net = { $layer }층, 뉴런 { $neuron }, 샘플 { $sample }의 net
quantity-output = { $layer }층, 뉴런 { $neuron }, 샘플 { $sample }의 f(net)
quantity-delta = { $layer }층, 뉴런 { $neuron }, 샘플 { $sample }의 δ
quantity-loss = { $loss } 손실
quantity-cost-training = 훈련 데이터 전체의 { $cost }
quantity-cost-test = 테스트 데이터 전체의 { $cost }
quantity-cost-validation = 검증 데이터 전체의 { $cost }

## 층마다 한 줄로 그린 신경망(깊거나 넓은 신경망).

layers-title = 신경망 { $sizes } ({ $matrices })
layers-layer = 층
layers-neurons = 크기
layers-activation = f
layers-mean-value = 평균 |a|
layers-mean-delta = 평균 |δ|
layers-inputs = 입력

## 값 패널.

values-title = 값 (소수점 { $decimals }자리)
values-sample = 샘플 { $number }
values-updated = { $matrix }: 이전 → 이후 (변화)
values-more-above = ↑ 위에 더
values-more-below = ↓ 아래에 더 (PgDn)
values-columns = { $count }열 중 { $first }–{ $last }열 (< >)
phase-more-above = ↑ 더
phase-more-below = ↓ 더 (PgDn)
phase-more-below-unfocused = ↓ 더 (f 다음 PgDn)

## 발표용 화면: 전체 화면으로 확대한 패널, 단계의 결과를 크게 보여 주는 숫자.
zoom-back = z 또는 Esc: 돌아가기
digits-back = Z 또는 Esc: 돌아가기
digits-nothing-yet = 아직 보여 줄 숫자가 없다: 이터레이션을 진행한 뒤(Space) Z를 다시 누른다.
digits-loss = C, 이 배치의 { $loss }
digits-loss-over-training = C, 갱신 후 훈련 데이터 전체의 { $loss }
digits-new-weight = { $weight }, 새 값

## 비교(backstep compare): 복사본끼리 다른 점과 같은 점.

compare-summary = { $setting }만 다른 복사본 { $copies }개({ $labels }); { $shared }; { $costs }.
compare-shared-start = 초기 가중치와 데이터 순서는 동일
compare-shared-data = 데이터와 데이터 순서는 동일
compare-costs-trained = { $epochs ->
   *[other] 각각 { $epochs }에폭
} 학습, 마지막 에폭 후 훈련 데이터 전체에 대한 비용
compare-costs-given = 주어진 가중치의 비용 (0에폭)
compare-costs-initial = 초기 가중치의 비용 (0에폭)
setting-loss = 손실 함수
setting-learning-rate = 학습률 η
setting-mode = 경사 하강법 방식
setting-batch-size = 배치 크기
setting-hidden-activation = 은닉층 활성함수
setting-init = 초기값 설정
setting-weights = 가중치

## 클래스 보기(v).

classes-more = ↓ { $count }개 더: f 다음 z

## 비교 모드의 요약 표.

compare-copy = 사본
compare-accuracy = 정확도
compare-epochs-to-target = 목표까지 에폭

## 손실 단계의 비용 표: 배치의 샘플마다 한 행, 그리고 평균.

cost-table-title = 비용 표: 이 배치의 샘플 { $batch }개
cost-table-sample = 샘플
cost-table-right = 정답 클래스
cost-table-mean = 평균
cost-table-scrolled = 샘플 { $first }–{ $last } / { $count } (PgUp/PgDn)

## 데이터.

test-set-note = 테스트 데이터는 이터레이션 { $iteration }(에폭 { $epoch }) 뒤에 단 한 번 사용했다. 테스트 데이터를 보고 고른 것이 아무것도 없기 때문에 새 데이터에서의 성능을 추정할 수 있는 것이다: 조정은 검증 데이터로 하고, 테스트 데이터는 마지막까지 아껴 둔다.
test-set-reused = 테스트 데이터를 다시 사용했다: 이제는 편향되지 않은 추정값이 아니다 (테스트 결과를 본 뒤에 고른 것은 테스트 데이터에 맞춰진 것이다).

## 강의 자료(trace --format markdown).

handout-setting = 설정
handout-value = 값
handout-layers = 층
handout-layer = { $layer }층
handout-layer-value = { $matrix } ({ $rows } × { $cols }), 활성함수 { $activation }
handout-biases = 편향
handout-loss = 손실
handout-learning-rate = 학습률 η
handout-mode = 경사 하강법
handout-mode-value = { $mode } (배치 크기 { $batch }, 에폭당 이터레이션: { $per_epoch })
handout-training-samples = 훈련 샘플 수
handout-notation = 표기: 가중치 행렬의 j번째 행은 뉴런 j로 들어가는 가중치이고, 뉴런 번호는 1부터 센다. 수치는 소수점 { $places }자리로 반올림했다(JSON 트레이스에는 전체 값이 있다).
handout-iteration = 에폭 { $epoch }, 이터레이션 { $iteration }/{ $per_epoch }
handout-sample = 샘플
handout-more-samples = 샘플 { $count }개 더
handout-same-for-each-sample = 모든 샘플을 같은 방법으로 계산한다. 아래 식은 샘플 { $sample }의 경우이다. 기울기는 배치의 샘플 { $batch }개 전체에 대해 평균한다.
handout-forward-title = 1. 순전파
handout-forward-layer = { $layer }층: { $formula }
handout-loss-title = 2. 손실
handout-batch-mean = 배치 평균: { $value }
handout-output-delta-title = 3. 출력층 델타
handout-output-delta = δ{ $sup } = ∂C/∂net{ $sup }: 각 출력 뉴런의 순입력이 변할 때 비용이 얼마나 변하는지를 나타낸다({ $loss }; { $activation }).
handout-hidden-title = 4. 은닉층 델타
handout-hidden = 오차는 위층의 가중치를 거쳐 역방향으로 전파되며, 이때 가중치는 갱신 **전**의 값이다: δˡ = (Wˡ⁺¹ᵀ δˡ⁺¹) ⊙ f′(netˡ).
handout-gradients-title = { $number }. 기울기
handout-gradients = ∂C/∂Wˡ = δˡ (aˡ⁻¹)ᵀ의 배치 평균{ $bias }.
handout-gradients-learned = , ∂C/∂bˡ = δˡ의 평균
handout-gradients-fixed = { " " }(편향은 고정: 계산에는 참여하지만 갱신하지 않는다)
handout-updates-title = { $number }. 갱신: 기울기의 반대 방향으로 (η = { $eta })
handout-weight = 가중치
handout-old = 전
handout-new = 후
handout-change = 변화량
handout-health-title = 기울기 상태 점검
handout-health = 오차 신호가 역방향으로 전파되면서 각 층에서 얼마나 큰지를 보여 준다(이 배치 기준). 비율이 1보다 훨씬 작으면 기울기가 층을 지날 때마다 줄어든다는 뜻이다(기울기 소실).
handout-health-columns = | 층 | 평균 abs(δ) | 평균 f′(net) | ‖∂C/∂W‖ | 평균 abs(δ) / 다음 층의 값 |
handout-health-no-ratio = — (다음 층의 δ가 0)
handout-costs-title = 훈련 데이터 전체의 비용
handout-cost = 비용
handout-before = 이전
handout-after = 이후
handout-validation = 갱신 후 검증 데이터: { $costs }

## Stop rules (issue 12): why training stopped, for the view, train and compare.
stop-epochs = 완료: { $epochs } 에폭
stop-below = { $epoch }번째 에폭이 끝났을 때 훈련 데이터의 { $cost }이(가) { $value }(으)로 { $below }보다 작았습니다(정지 규칙 `cost`, `below`)
stop-settled = { $epoch }번째 에폭이 끝났을 때 훈련 데이터의 MSE가 최근 { $over } 에폭 동안 { $change }만큼 변해 { $min_change }보다 작았습니다(정지 규칙 `min_change`, `over_epochs`)
stop-stopped = 멈춤: { $reason }
stop-beyond-epochs = 시나리오의 { $epochs } 에폭을 넘어서 계속 실행합니다
stop-beyond-rule = 정지 규칙을 넘어서 계속 실행합니다. 시나리오의 { $epochs } 에폭에서도 더는 멈추지 않습니다

## 배치의 모든 샘플(이슈 12): 단계 패널의 설명 아래 줄.

explain-chosen-of-batch = 샘플 { $sample } — 이 배치의 샘플 { $batch }개 중 { $position }번째 (, . 로 선택). 기울기는 { $batch }개 전체의 평균입니다

## 어떤 키든 비교(이슈 13): 짧은 이름이 없는 키, 그런 사본들이 공유하는 것.

setting-key = `{ $key }`
compare-shared-rest = 나머지 설정은 동일

## trace --format latex(이슈 14): LaTeX 강의 자료의 첫 줄.

handout-latex-engine = 한국어 문서는 xelatex으로 컴파일합니다: xelatex handout.tex. kotex(Debian: texlive-xetex, texlive-lang-korean)과 나눔 글꼴(fonts-nanum)이 필요하며, 다른 한글 글꼴을 쓰려면 \setmainhangulfont의 이름을 바꾸세요
