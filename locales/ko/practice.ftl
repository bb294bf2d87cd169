### 연습: 숫자를 예측하거나 보기를 고른 뒤, 답을 확인한다.
### 기호, 숫자, 수식은 이미 문자열로 만들어진 인자로 전달된다.

practice-prompt = { $symbol }의 값은 얼마일까요?
practice-prompt-weight = 갱신한 뒤의 { $symbol }의 값은 얼마일까요?
practice-prompt-cost = 훈련 데이터 전체에 대한 { $symbol } 값은 얼마일까요?
practice-formula-batch-loss = C = 배치의 샘플 { $samples }개에 대한 { $loss }의 평균 = { $value }
practice-formula-cost = 훈련 샘플 { $samples }개에 대한 { $cost } = { $value }
practice-not-a-number = 숫자가 아닙니다: “{ $text }”. 숫자와 소수점(.), 음수 부호(-), 10의 거듭제곱(e)으로 써 주세요. 예: -1.5e-3
practice-hint = 아직 아닙니다. 힌트: { $hint }
practice-revealed = 정답: { $formula }
practice-right = 맞았습니다: { $formula }
practice-choice-retry = 이 보기는 아닙니다. 다시 골라 보세요.
practice-choice-revealed = 정답은 “{ $choice }”입니다. { $explanation }
practice-choice-right = 맞았습니다. { $explanation }
practice-score = 첫 시도에 { $asked }문제 중 { $right }문제 정답

## 단계 보기의 연습 모드.
practice-key-toggle = 연습: 값이 보이기 전에 먼저 답하기 (다시 누르면 끄기)
practice-refused-compare = 연습은 신경망 하나에 대해 묻습니다. 먼저 비교 모드(c)에서 나와 주세요.
practice-status = 연습 { $right }/{ $asked }
practice-bar-answer = 답 입력
practice-bar-check = 확인
practice-bar-go-on = 다음으로
practice-bar-skip = 건너뛰기
practice-next = 다음 단계: { $phase }
practice-help-note = 연습(p): 단계가 선택한 값을 보여 주기 전에 단계 창에서 그 값을 먼저 묻습니다(↓/↑/Tab으로 미리 고를 수 있습니다). 숫자와 . - e로 답을 쓰고(Backspace로 지우기) Enter로 확인합니다. 1 % 이내(또는 보이는 마지막 자리의 반 단위 이내)면 정답입니다. 틀리면 힌트가, 한 번 더 틀리거나 빈 답으로 Enter를 누르면 풀이가 나옵니다. 그다음 Enter나 Space로 단계를 진행합니다. Esc는 문제를 건너뜁니다. 상태 줄에 첫 시도에 맞힌 수가 표시됩니다. 자동 실행은 문제마다 멈추고, n과 e는 문제를 건너뜁니다. 비교 모드에서는 쓸 수 없습니다.
