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
