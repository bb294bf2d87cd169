## 시나리오의 데이터로 쓸 수 없는 수 (이슈 11): check에서 거부합니다.

numbers-target-position = 목표값 { $position }번째 열
numbers-input-position = 입력 { $position }번째 열
numbers-target-outside = { $loss }는 목표값을 0과 1 사이의 확률로 읽습니다. 샘플 { $sample }의 값은 { $value }입니다. 목표값을 [0, 1] 범위(원-핫 클래스)로 주거나 MSE를 쓰세요
numbers-standardize-mean = 이 입력값은 표준화하기에 너무 큽니다(최대 { $largest }): 평균이 넘쳐서 모든 값이 NaN이 됩니다. 먼저 이 열을 10의 거듭제곱으로 나누세요
numbers-standardize-spread = 이 입력값은 표준화하기에 너무 큽니다(최대 { $largest }): 분산이 넘쳐서 모든 값이 0이 됩니다. 먼저 이 열을 10의 거듭제곱으로 나누세요
