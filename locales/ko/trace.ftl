### 강의 자료와 보고에서, 시나리오 파일에 키로 적힌 설정을 부르는 이름.

trace-mode-batch = 배치 경사 하강법
trace-mode-sgd = 확률적 경사 하강법(SGD)
trace-mode-mini-batch = 미니배치 경사 하강법
trace-bias-learned = 학습함
trace-bias-fixed = 고정(갱신하지 않음)
trace-bias-none = 없음

## Plots (issue 14)
plot-epochs = 에폭
plot-training = 훈련
plot-validation = 검증
plot-title = { $name } ({ $shape }): { $epochs }에폭 동안의 비용 곡선
plot-title-compare = { $name } ({ $shape }): { $setting } 비교, { $epochs }에폭
plot-iterations = 이터레이션
