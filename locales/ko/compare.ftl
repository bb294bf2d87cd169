# 비교하는 사본의 이름 (시나리오에 labels가 없을 때).
compare-label-batch-size = 배치 크기 { $size }
compare-label-hidden = 은닉층 { $activation }
compare-label-init = 초기값 { $init }
compare-label-weights = 가중치 #{ $number }
compare-label-batch = 배치
compare-label-sgd = SGD
compare-label-mini-batch = 미니배치
