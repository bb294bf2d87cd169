### 터미널 화면(src/tui)의 말: 키 설명, 패널 제목과 이름표, 알림.
### 숫자는 이미 문자열로 만들어진 인자로 전달된다. 기호(V, W, d, O, δ, η, MSE)는 그대로 둔다.

## 도움말 창(?)에서 각 키가 하는 일.

view-key-next-phase = 다음 단계
view-key-previous-phase = 이전 단계 (되돌리기)
view-key-finish-iteration = 이터레이션 끝까지 진행
view-key-finish-epoch = 에폭 끝까지 진행
view-key-back-iteration = 이터레이션 하나 전체를 되돌리기 (이전 이터레이션의 끝으로)
view-key-back-epoch = 에폭 하나 전체를 되돌리기 (이전 에폭의 끝으로)
view-key-run = 자동 실행 / 일시 정지
view-key-faster = 더 빠르게: 초당 1·3·10단계, 이터레이션 1~10,000회, 최고 속도
view-key-slower = 더 느리게 실행
view-key-select-next = 다음 뉴런 또는 가중치 선택
view-key-select-previous = 이전 뉴런 또는 가중치 선택
view-key-select-layer = 다음 층에서 선택
view-key-more-precision = 소수점 한 자리 더
view-key-less-precision = 소수점 한 자리 덜
view-key-compare = 비교 모드: 시나리오의 사본을 나란히 함께 진행 / 돌아가기
view-key-focus = 다음 패널에 초점 (다이어그램, 단계, 값, 그래프)
view-key-zoom = 초점 패널을 화면 전체로 확대 / 돌아가기
view-key-big-digits = 단계의 결과를 큰 숫자로 / 돌아가기
view-key-theme = 밝은 / 어두운 테마 (프로젝터용)
view-key-scroll-down = 초점 패널(단계, 값, 비용 표)을 아래로 스크롤
view-key-scroll-up = 초점 패널(단계, 값, 비용 표)을 위로 스크롤
view-key-scroll-right = 값 패널의 넓은 행렬: 오른쪽 열 보기
view-key-scroll-left = 값 패널의 넓은 행렬: 왼쪽 열 보기
view-key-test = 테스트 데이터 평가 (한 번만; 다시 하려면 Enter로 확인)
view-key-x-axis = 그래프 가로축: 이터레이션 / 에폭
view-key-y-axis = 그래프 세로축: 선형 / 로그 눈금
view-key-picker = 시나리오 고르기
view-key-reset = 시나리오를 처음부터 다시 시작
view-key-help = 이 도움말
view-key-confirm = 고른 시나리오 열기 (시나리오 목록에서)
view-key-close = 창, 확대, 알림 닫기
view-key-quit = 끝내기
view-key-classes = 정확도와 혼동 행렬 / 비용 그래프
view-key-health = 층별 기울기 상태 / 값

## 상태 표시줄에 보이는 자동 실행 속도.

view-speed-phases = 초당 { $count }단계
view-speed-iterations = 초당 이터레이션 { $count }회
view-speed-full = 최고 속도

## 아래쪽 키 막대: 자주 쓰는 키가 하는 일을 한두 단어로.

view-bar-next = 다음
view-bar-back = 이전
view-bar-iteration = 이터레이션
view-bar-epoch = 에폭
view-bar-run = 실행
view-bar-select = 선택
view-bar-scenarios = 시나리오
view-bar-help = 도움말
view-bar-quit = 끝내기

## 기울기 상태 화면(g).

view-health-none = 아직 기울기가 없습니다: 기울기 단계까지 진행하면(또는 n을 누르면) 보입니다.
view-health-scale = 에폭 { $epoch }, 이터레이션 { $iteration }; 막대: { $decades }자릿수에 걸친 로그 눈금
view-health-mean-delta = 평균 |δ|
view-health-mean-derivative = 평균 f′(net)
view-health-ratio = ×: 출력 쪽 다음 층의 값에 대한 비율
view-health-title = 기울기 상태
view-health-title-keys = 기울기 상태 (g: 값)

## 입력을 그림으로 (숫자 손글씨).

view-image-title = 입력
view-image-empty = Space: 샘플 불러오기
view-image-true = 정답: { $class }
view-image-predicted = 예측: { $class } { $mark }

## 데이터의 한 부분과 그 값(정확도나 분류 오류), 예: "훈련 95.0%".

view-split-training = 훈련 { $value }
view-split-validation = 검증 { $value }

## 분류 화면(v): 정확도와 혼동 행렬.

view-classes-accuracy = 정확도: { $splits }
view-classes-matrix-training = 훈련 데이터의 혼동 행렬
view-classes-matrix-validation = 검증 데이터의 혼동 행렬
view-classes-hint = (행: 정답, 열: 예측; v: 그래프)
view-classes-corner = 정답\예측

## 비용 그래프.

view-plots-validation-value = (검증 { $value })
view-plots-training = 훈련
view-plots-validation = 검증
view-plots-unit-iterations = 이터
view-plots-unit-epochs = 에폭

## 비교 모드(c).

view-compare-status = { $setting } 비교 (사본 { $copies }개)
view-compare-status-short = 비교 (사본 { $copies }개)
view-compare-leave = c: 나가기
view-compare-batch-loss = 배치 { $loss }: { $value }
view-compare-every-copy = { $cost }, 모든 사본
view-compare-not-yet = 아직
view-compare-diverged = 발산
view-compare-summary = 요약 (훈련 데이터; 목표: { $cost } ≤ { $target })
view-compare-none = { $scenario }에는 [compare] 표가 없습니다. 내장 시나리오 mse-vs-ce, gd-modes, cost-table을 써 보세요.

## 다이어그램 제목: 신경망 크기 다음에, 밑줄의 뜻.

view-network-delta = 밑줄은 δ

## 화면에 필요한 크기보다 작은 터미널.

view-too-small = 터미널이 너무 작습니다
view-too-small-sizes = 필요: { $need }, 현재: { $have }
view-too-small-hint = 창을 키우거나 q를 눌러 끝내세요

## 알림.

view-test-none = 따로 떼어 둔 테스트 데이터가 없습니다: 시나리오의 [data]에 `test`를 정하세요.
view-test-result = 테스트 데이터 (샘플 { $samples }개): MSE { $mse }, 교차 엔트로피 { $cross_entropy }, 정확도 { $accuracy }.
view-test-again = Enter를 누르면 지금의 신경망으로 테스트 데이터를 다시 평가하는데, 그 뒤로는 편향되지 않은 추정값이 아닙니다. Esc를 누르면 저장해 둔 결과를 그대로 둡니다:
view-undo-start = 여기가 처음입니다: 되돌릴 것이 없습니다.
view-undo-history-end = 기록은 여기까지입니다: 어떻게 실행했든 최근 이터레이션 { $iterations }번까지 되돌아갈 수 있습니다(체크포인트 약 { $mebibytes } MiB).

## 시나리오 목록(s).

view-picker-title = 시나리오 (↑↓ 고르기, Enter 열기, Esc 닫기)

## 단계 패널: 이번 이터레이션의 숫자와 식 앞의 이름표.

view-phase-numbers = 숫자
view-phase-formula = 식

## Stop rules (issue 12): the status line while auto-run goes on beyond the scenario.
view-status-beyond = , { $epochs } 에폭 넘어 계속
## 배치의 모든 샘플(이슈 12): 키, 그리고 연습 모드가 첫 샘플에 머무는 이유.

view-key-next-sample = 배치의 다음 샘플 보기 (마지막에서 멈춤)
view-key-previous-sample = 배치의 이전 샘플 보기 (처음에서 멈춤)
sample-practice-first = 연습 모드는 각 배치의 첫 번째 샘플에 대해 묻습니다. 다른 샘플을 , . 로 고르려면 연습 모드를 끄세요(p).

## 결정 경계 (issue 13): 키, 제목, 축.

view-key-boundary = 입력 평면 위의 결정 경계 / 값
view-boundary-title = 이터레이션 { $iterations }번 뒤의 결정 경계 (b: 값)
view-boundary-two-inputs = 결정 경계는 입력 두 개가 이루는 평면 위에 그립니다. 이 신경망의 입력은 { $inputs }개입니다.
view-boundary-legend = ● 훈련  ○ 검증
view-boundary-title-short = 결정 경계 (b: 값)

## The settings panel (issue 13)
view-key-settings = 설정: 무엇이든 바꾸고 적용하거나 파일로 저장
settings-title = 설정: { $name } ({ $shape })
settings-learning-rate = 학습률 η
settings-loss = 비용 함수(손실)
settings-hidden-activation = 은닉층 활성화 함수
settings-output-activation = 출력층 활성화 함수
settings-mode = 경사 하강법
settings-batch-size = 배치 크기(미니배치)
settings-shuffle = 에폭마다 섞기
settings-init = 가중치 초기값
settings-init-range = 초기값 범위 r, U(−r, r)
settings-hidden-sizes = 은닉층 크기
settings-bias = 편향
settings-normalize = 입력 전처리
settings-validation = 검증 데이터 비율
settings-test = 테스트 데이터 비율
settings-seed = 시드
settings-generator = 데이터 생성기
settings-samples = 샘플 수
settings-noise = 잡음(표준 편차)
settings-keys = ↑↓ 고르기 · ←→ 바꾸기 · 숫자 입력 · Enter 적용(처음부터 다시 학습) · w 시나리오 파일로 저장 · Esc 닫기
settings-hint-choice = ←→로 고릅니다: { $names }.
settings-hint-toggle = ←→로 true와 false를 바꿉니다.
settings-hint-hidden = ←→로 은닉층마다 뉴런을 하나씩 늘리거나 줄입니다. 크기를 직접 입력해도 됩니다. 예: 8, 4(은닉층 두 개).
settings-hint-number = ←→로 다음 값이나 이전 값으로 바꿉니다. 숫자를 입력하고 Enter를 눌러도 됩니다.
settings-hint-changed = * 바뀐 설정: Enter로 적용하고 Esc로 취소합니다.
settings-applied = 적용했습니다: { $changes }.
settings-same-start = 같은 초기 가중치에서 다시 학습합니다. 바꾼 설정만 다릅니다.
settings-new-start = 새 초기 가중치에서 다시 학습합니다(구조나 초기화 방법이 바뀌었습니다).
settings-save-apply-first = 먼저 Enter로 변경 사항을 적용하세요. 파일에는 지금 학습 중인 시나리오가 저장됩니다.
settings-save-as = 저장할 파일:
settings-save-keys = Enter 저장 · Esc 취소
settings-save-replace = 같은 이름의 파일이 있습니다. Enter를 한 번 더 누르면 덮어쓰고, 아니면 이름을 바꾸세요.
settings-save-unavailable = 이 버전에서는 파일을 쓸 수 없습니다.
settings-saved = { $files } 파일을 저장했습니다. `backstep check`로 확인하고 `backstep run`으로 방금과 같이 실행할 수 있습니다.
settings-more-above = ↑ 더 있음
settings-more-below = ↓ 더 있음

## Sessions (issue 14)
view-key-save-session = 세션을 NAME.session.toml에 저장 (backstep resume)
session-saved = 세션을 { $file }에 저장했습니다. `backstep resume { $file }`로 지금 이 자리에서 다시 열 수 있습니다.

## Export from the view (issue 14)
view-key-export = 내보내기: 풀이, 그래프, 곡선, 화면, 시나리오를 파일로
export-title = 내보내기 (↑↓ 고르기 · Enter 쓰기 · Esc 닫기)
export-markdown = 이번 이터레이션 (markdown)
export-latex = 이번 이터레이션 (LaTeX)
export-svg = 그래프 (SVG)
export-png = 그래프 (PNG)
export-csv = 곡선 (CSV)
export-screen = 화면 (텍스트)
export-scenario = 실행 중인 시나리오 (TOML)
export-written = { $files } 파일을 썼습니다.
export-chart-title = { $name } ({ $shape }): { $iterations }번째 이터레이션까지의 비용
status-written = { $file } 씀

# 웹 페이지: 특정 단계를 여는 링크와 터치 버튼.
link-bad-phase = 링크의 단계 “{ $found }”는 0부터 { $most }까지의 정수가 아니어서 시나리오를 처음부터 엽니다.
link-bad-language = 링크의 언어 “{ $found }”는 ko도 en도 아니어서 브라우저의 언어를 씁니다.
web-button-back = ◀ 이전
web-button-next = 다음 ▶
web-button-run = 실행
web-button-help = 도움말 ?
web-quit = 페이지는 닫히지 않습니다. 나가려면 브라우저 탭을 닫으세요.
