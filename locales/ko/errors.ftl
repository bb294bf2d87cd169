### 시나리오 파일과 데이터 파일의 오류: 무엇이 필요했는지, 무엇이 있었는지, 어떻게 고치는지.
### 파일 이름, 키, 숫자와 값은 이미 문자열로 만들어진 인자로 전달된다.

## 시나리오 파일 자체(그리고 수업 파일 읽기: `kind`는 scenario 또는 lesson).

error-read = { $file }: { $kind ->
    [lesson] 수업
    [session] 세션
   *[scenario] 시나리오
} 파일을 읽을 수 없습니다: { $reason }
error-empty = { $file }: 파일이 비어 있습니다. 시나리오에는 적어도 `name`, `[network] layers`와 `[data]` 테이블이 있어야 합니다(`backstep list`와 scenarios/ 폴더의 파일을 참고하세요)
error-not-utf = { $file }:{ $line }:{ $column }: UTF-8 텍스트가 필요하지만 바이트 { $byte }이(가) 있습니다. 파일을 UTF-8로 저장하세요
error-not-a-file = { $file }: { $kind ->
    [lesson] 수업
    [session] 세션
   *[scenario] 시나리오
} 파일이 필요하지만 { $found ->
    [folder] 폴더가
   *[device] 장치나 파이프 또는 시스템 파일(/proc, /sys, /dev 아래)이
} 있습니다
error-too-large = { $file }: { $kind ->
    [lesson] 수업
    [session] 세션
   *[scenario] 시나리오
} 파일은 { $limit }바이트 이하여야 하지만 { $bytes }바이트입니다
error-origin-builtin = 내장 시나리오 { $name }
error-unknown-scenario = `{ $name }`(이)라는 시나리오 파일도, 내장 시나리오도 없습니다. 내장 시나리오: { $builtins }

## 대부분의 메시지가 함께 쓰는 문장, 그리고 이름의 목록.

error-expected-found = { $expected }이(가) 필요하지만 { $found }이(가) 있습니다
error-expected-count = { $expected }이(가) 필요하지만 { $found }개가 있습니다
error-expected-one-of = { $names } 중 하나가 필요하지만 { $found }이(가) 있습니다
error-one-of = { $names } 중 하나
error-alternatives = { $rest } 또는 { $last }
error-none = 없음
error-both = { $first }와(과) { $second }

## TOML과 그 자료형을 학생이 아는 말로.

error-toml-syntax = TOML 문법 오류: { $detail }
error-toml-syntax-overflow = TOML 문법 오류: { $detail } (유한한 수가 필요합니다)
error-unknown-key = { $key }은(는) 알 수 없는 키입니다. 여기에 쓸 수 있는 키는 { $expected }입니다
error-missing-key = 꼭 필요한 키 { $key }이(가) 없습니다
error-no-keys = 여기에는 키를 쓸 수 없습니다
error-type-array = 배열
error-type-table = 테이블
error-type-whole-nonnegative = 0 이상의 정수
error-type-whole = 정수
error-type-number = 수
error-type-string = 문자열
error-type-boolean = 참/거짓 값
error-type-datetime = 날짜
error-kind-string = 문자열
error-kind-integer = 정수
error-kind-number = 수
error-kind-boolean = 참/거짓 값
error-kind-array = 배열
error-kind-datetime = 날짜
error-kind-table = 테이블
error-found-value = { $kind } { $value }

## 언어별 텍스트: 문자열 하나, 또는 언어별 테이블.

error-type-text = 텍스트나 {"{"} en = "…", ko = "…" {"}"} 같은 언어별 테이블
error-text-type = 텍스트나 {"{"} en = "…", ko = "…" {"}"} 같은 언어별 테이블이 필요하지만 { $found }이(가) 있습니다
error-text-language = 언어 `en` 또는 `ko`가 필요하지만 `{ $language }`이(가) 있습니다
error-text-english = 언어별 테이블에는 `en`이 꼭 있어야 합니다(다른 언어가 없을 때 보여 주는 텍스트입니다)

## 개수를 세는 것들과 그 쓰임.

error-count-matrices = 행렬 { $n }개(입력 다음의 층마다 하나)
error-count-rows = 행 { $n }개(층 { $layer }의 뉴런마다 하나, 그 뉴런으로 들어오는 가중치를 담음)
error-count-weights-from-inputs = 가중치 { $n }개(입력마다 하나)
error-count-weights-from-layer = 가중치 { $n }개(층 { $layer }의 뉴런마다 하나)
error-count-bias-vectors = 편향 벡터 { $n }개(입력 다음의 층마다 하나)
error-count-biases = 편향 { $n }개(층 { $layer }의 뉴런마다 하나)
error-count-inputs = 입력 { $n }개(`layers`의 첫 번째 값)
error-count-targets = 목표값 { $n }개(`layers`의 마지막 값)

## [network]

error-finite = 유한한 수가 필요하지만 { $value }이(가) 있습니다
error-layer-count = 층 크기가 2개에서 { $max }개까지(입력, 은닉층…, 출력) 필요하지만 { $found }개가 있습니다
error-layer-size = 1에서 { $max }까지의 층 크기가 필요하지만 { $found }이(가) 있습니다
error-too-many-weights = 가중치는 모두 합쳐 { $max }개 이하여야 하지만 { $found }개입니다
error-softmax-hidden = { $allowed }이(가) 필요하지만(softmax는 출력층에만 쓸 수 있습니다) "softmax"가 있습니다
error-softmax-one-output = softmax에는 출력이 2개 이상 필요하지만 layers의 마지막 값이 { $outputs }입니다. 출력이 하나라면 sigmoid를 쓰세요
error-init-range-uniform = `init_range`는 init = "{ $uniform }"일 때만 쓸 수 있지만 init = "{ $init }"입니다
error-init-range-negative = 0 이상의 범위가 필요하지만 { $value }이(가) 있습니다
error-biases-without-bias = 편향이 주어졌지만 bias = "none"입니다. `biases`를 지우거나 bias = { $others }(으)로 바꾸세요

## [training]

error-learning-rate-negative = 0 이상의 학습률이 필요하지만(업데이트가 이미 기울기를 뺍니다) { $value }이(가) 있습니다
error-batch-size-zero = 1 이상의 배치 크기가 필요하지만 0이 있습니다
error-batch-size-missing = mode = "{ $mode }"에는 `batch_size`가 필요합니다(예: batch_size = 10)
error-epochs = { $min }에서 { $max }까지의 에폭 수가 필요하지만 { $found }이(가) 있습니다
error-batch-too-big = 샘플 { $batch }개의 배치가 뉴런 { $neurons }개를 지나려면 버퍼마다 수가 { $max }개보다 많이 필요합니다. mode = "{ $mode }"로 바꾸고 batch_size를 더 작게 하세요

## [data]

error-sources = 샘플의 출처가 정확히 하나(`targets`와 함께 쓴 `inputs`, `generator`, 또는 `file`) 필요하지만 { $found }이(가) 있습니다
error-generator-only = `{ $key }`는 `generator`와 함께일 때만 쓸 수 있습니다
error-generator-width = { $name } 생성기는 입력을 { $width }개 만들지만 layers의 첫 번째 값이 { $inputs }입니다
error-generator-classes = { $name } 생성기는 클래스가 2개(출력 1개 또는 2개)이지만 layers의 마지막 값이 { $outputs }입니다
error-samples = 샘플이 1개에서 { $max }개까지 필요하지만 { $found }개가 있습니다
error-data-too-big = 데이터의 수는 모두 합쳐 { $max }개 이하여야 하지만 샘플 { $samples }개 × 샘플마다 { $each }개 = { $numbers }개입니다
error-noise-negative = 0 이상의 잡음이 필요하지만 { $value }이(가) 있습니다
error-class-and-targets = `class_column`과 `target_columns` 중 하나만 필요하지만 둘 다 있습니다
error-no-file = CSV 파일(시나리오 파일이 있는 폴더 기준)이 필요하지만 { $found ->
    [folder] { $path }은(는) 폴더입니다
    [device] { $path }은(는) 장치나 파이프 또는 시스템 파일(/proc, /sys, /dev 아래)입니다
   *[nothing] { $path }에는 아무것도 없습니다
}
error-targets-missing = `inputs`는 있지만 `targets`가 없습니다. 입력 행마다 목표값 행을 하나씩 써 주세요
error-inputs-missing = `targets`는 있지만 `inputs`가 없습니다. 목표값 행마다 입력 행을 하나씩 써 주세요
error-no-samples = 샘플이 적어도 하나 필요하지만 하나도 없습니다
error-target-count = 입력마다 목표값이 하나씩(입력 { $inputs }개) 필요하지만 목표값이 { $targets }개 있습니다
error-image = 행 × 열 = { $inputs }(입력의 수)인 [행, 열]이 필요하지만 { $found }이(가) 있습니다
error-fraction = [0, 1) 범위의 비율이 필요하지만 { $value }이(가) 있습니다
error-no-training-data = 검증 + 테스트 비율은 훈련 데이터를 남겨야 하지만(합 < 1) { $validation } + { $test } = { $sum }입니다

## [compare]

error-vary-form = 키=값,값 또는 키=[값, 값] 형태(예: loss=mse,cross-entropy)가 필요하지만 `{ $spec }`이(가) 있습니다
error-vary-value = `{ $key }`의 { $n }번째 값: { $reason }
error-copies = 값이 { $min }개에서 { $max }개까지(복사본마다 하나) 필요하지만 { $found }개가 있습니다
error-label-count = 이름표가 { $copies }개(값마다 하나) 필요하지만 { $found }개가 있습니다
error-label-blank = 비어 있지 않은 이름표가 필요하지만 "{ $label }"이(가) 있습니다
error-label-again = 다른 것과 겹치지 않는 이름표가 필요하지만 "{ $label }"이(가) 또 있습니다

## 데이터 파일(CSV).

error-csv-read = { $file }: 데이터 파일을 읽을 수 없습니다: { $reason }
error-csv-empty = { $file }: 데이터 파일이 비어 있습니다. 머리글 행과 샘플이 적어도 하나 필요합니다
error-csv-too-large = 데이터 파일은 { $limit }바이트 이하여야 하지만 { $bytes }바이트입니다
error-csv-unknown-column = `{ $name }`은(는) 없는 열입니다. 머리글에 있는 열: { $header }
error-csv-columns = 열이 { $outputs }개보다 많이(입력, 그다음 `layers`에서 정한 목표값 { $outputs }개) 필요하지만 { $found }개가 있습니다
error-csv-features = 특징 열이 { $inputs }개(`layers`의 첫 번째 값) 필요하지만 { $found }개가 있습니다: { $names }
error-csv-targets = 목표값 열이 { $outputs }개(`layers`의 마지막 값) 필요하지만 { $found }개가 있습니다
error-csv-fields = 머리글처럼 필드가 { $expected }개 필요하지만 { $found }개가 있습니다
error-csv-class-empty = 열 `{ $column }`: 클래스 이름이 필요하지만 빈 필드가 있습니다
error-csv-number-empty = 열 `{ $column }`: 수가 필요하지만 빈 필드가 있습니다
error-csv-not-finite = 열 `{ $column }`: 유한한 수가 필요하지만 `{ $field }`이(가) 있습니다
error-csv-not-number = 열 `{ $column }`: 수가 필요하지만 `{ $field }`이(가) 있습니다
error-csv-classes = 열 `{ $column }`에는 클래스가 { $found }개({ $classes }) 있지만 신경망의 출력은 { $outputs }개입니다. 클래스가 { $wanted }개 필요합니다(출력이 하나면 0/1로 두 클래스를 나타냅니다)
error-csv-classes-more = 열 `{ $column }`에는 클래스가 { $wanted }개보다 많지만({ $classes }) 신경망의 출력은 { $outputs }개입니다. 클래스가 { $wanted }개 필요합니다(출력이 하나면 0/1로 두 클래스를 나타냅니다)
error-csv-duplicate-column = 열 { $first }와(과) 열 { $second }의 이름이 똑같이 `{ $name }`입니다. 열마다 다른 이름을 붙여 주세요
error-csv-too-many-numbers = 데이터의 수는 모두 합쳐 { $max }개 이하여야 하는데(샘플마다 { $each }개) 이 행에서 그보다 많아집니다. 샘플 수를 줄여 주세요
error-csv-utf = UTF-8 텍스트가 필요하지만 다른 바이트가 있습니다. 파일을 UTF-8로 저장하세요

## 수업 파일: 수업의 단계들을 각 단계의 시나리오와 맞춰 검사한다.

error-lesson-origin-builtin = 내장 수업 { $name }
error-lesson-unknown = `{ $name }`(이)라는 수업 파일도, 내장 수업도 없습니다. 내장 수업: { $builtins }
error-lesson-no-stops = [[stop]]이 적어도 하나 필요하지만 하나도 없습니다
error-lesson-what-iteration = 1에서 { $max }까지의 이터레이션
error-lesson-phase = { $depth }층 신경망의 단계({ $names }) 중 하나가 필요하지만 `{ $phase }`이(가) 있습니다
error-lesson-show-compare = show = "compare"에는 [compare] 테이블이 있는 시나리오가 필요하지만 `{ $scenario }`에는 그 테이블이 없습니다
error-lesson-what-scenario = 내장 시나리오({ $builtins })나 수업 파일과 같은 폴더에 있는 시나리오 파일
error-lesson-scenario-invalid = 올바른 시나리오가 필요하지만 이 시나리오에는 오류가 있습니다:
    { $error }
error-lesson-what-index = 1에서 { $count }까지의 { $what ->
    [neuron] 뉴런
    [row] 행
    [column] 열
   *[choice] 보기
} 번호
error-lesson-what-layer = { $low }에서 { $high }까지의 층 번호
error-lesson-select = {"{"} layer, neuron {"}"} 또는 {"{"} layer, row, col {"}"} 형태가 필요합니다
error-lesson-unexpected-key = `{ $key }`은(는) 여기에 쓸 수 없는 키입니다. { $question ->
    [number] 이 `ask`에는
   *[choice] 객관식 문제에는
} { $takes }만 쓸 수 있습니다
error-lesson-what-tolerance = 0에서 1 사이의 허용 오차(0.01은 1 %)
error-lesson-choices = 보기가 2개에서 6개까지 필요하지만 { $found }개가 있습니다
error-lesson-ask-or-choices = 예측할 수(`ask`)나 객관식 보기(`choices`) 중 정확히 하나가 필요합니다. 둘 다 쓰거나 둘 다 빼면 안 됩니다
error-csv-long-line = 한 줄은 최대 { $limit }바이트여야 하는데 더 긴 줄이 있습니다. 한 행에는 샘플 하나만 적습니다

## Stop rules (issue 12): [training.stop].
error-stop-pair = [training.stop]의 `{ $given }`에는 `{ $missing }`이(가) 함께 있어야 합니다
error-stop-positive = 0보다 큰 수가 필요하지만 { $value }이(가) 있습니다

## --set KEY=VALUE (issue 13)
error-set-form = KEY=VALUE 꼴이어야 합니다. 예: training.learning_rate=0.1 (값은 TOML로 쓰며, TOML이 아닌 글은 문자열로 봅니다)
error-set-not-table = `{ $key }`는 값이지 표가 아닙니다

## Saving a scenario (settings panel, issue 13)
error-save-io = { $file } 파일을 쓰지 못했습니다: { $reason }
error-save-data-differs = { $file } 파일이 이미 있는데 이 시나리오의 데이터와 다릅니다. 다른 폴더에 저장하세요
error-save-path = { $file } 경로는 시나리오 파일에 적을 수 없습니다(이름이 UTF-8이 아닙니다)

## Plotting (issue 14)
error-plot-draw = 그림을 그리지 못했습니다: { $reason }

## Sessions (issue 14)
session-write = 세션을 { $file } 파일에 저장하지 못했습니다: { $reason }
session-invalid = { $file } 파일은 backstep이 이어서 열 수 있는 세션이 아닙니다: { $reason }
session-version = 버전 { $expected }이어야 하지만 { $found }입니다
session-changed = { $file }: 세션을 저장한 뒤 시나리오 { $scenario }의 내용이 바뀌어서 같은 숫자를 다시 얻을 수 없습니다: { $changes }
session-changed-text = 글이 바뀌었습니다
session-changed-none = (없음)
session-changed-more = 외 { $n }개

## 어떤 키든 비교(이슈 13).

error-compare-key = 시나리오 키(예: data.normalize)나 { $names } 중 하나가 필요하지만 "{ $found }"이(가) 있습니다
session-data-changed = { $file }: 세션을 저장한 뒤 시나리오 { $scenario }의 데이터가 바뀌어서 같은 숫자를 다시 얻을 수 없습니다
error-set-uneditable = 파일을 고칠 수 없습니다: { $reason }
