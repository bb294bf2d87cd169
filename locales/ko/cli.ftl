### 명령줄의 말: list, check, train, compare와 오류가 출력하는 문장, 그리고 clap의 도움말
### (명령 설명, 인자마다의 도움말, 제목). 숫자는 이미 문자열로 만들어져 전달된다.

## clap의 도움말. 인자의 도움말은 { $values }(가능한 값)와 { $default }(기본값)를 받는다.
## clap은 이 둘을 따로 쓰지 않는다.

cli-help-usage = 사용법:
cli-help-commands = 명령
cli-help-arguments = 인자
cli-help-options = 옵션
cli-help-flag-help = 도움말을 보여 줍니다
cli-help-flag-version = 버전을 보여 줍니다
cli-help-backstep = backstep: 역전파를 한 단계씩 따라가 봅니다
cli-help-backstep-lang = backstep이 쓰는 언어: { $values } (기본값: LC_ALL, LC_MESSAGES, LANG에서 정합니다. `ko…`이면 한국어, 그 밖에는 영어)
cli-help-help = 이 도움말이나 주어진 명령의 도움말을 보여 줍니다
cli-help-run = 시나리오(파일 경로나 내장 시나리오 이름)를 단계별 화면으로 엽니다
cli-help-run-scenario = 시나리오 파일이나 내장 시나리오 이름
cli-help-run-theme = 색상: { $values } (기본값: { $default }). dark는 터미널의 배경을 그대로 쓰고, light는 밝은 배경에 어두운 글자를 써서 흐린 프로젝터에서도 잘 보입니다. NO_COLOR를 설정하면 색을 끕니다
cli-help-list = 내장 시나리오와 그 설명을 보여 줍니다
cli-help-check = 시나리오 파일(또는 내장 시나리오 이름)을 검사합니다. 모두 올바르면 0으로 끝납니다
cli-help-check-scenarios = 시나리오 파일이나 내장 시나리오 이름
cli-help-trace = 처음 몇 이터레이션의 모든 수치를 씁니다: JSON Lines, CSV, 또는 마크다운이나 LaTeX 강의 자료
cli-help-trace-scenario = 시나리오 파일이나 내장 시나리오 이름
cli-help-trace-steps = 기록할 이터레이션 수 (기본값: { $default })
cli-help-trace-format = 출력 형식: { $values } (기본값: { $default }). json은 이터레이션마다 한 줄의 JSON 객체(전체 정밀도), csv는 한 행에 수치 하나, markdown은 읽기 쉬운 풀이, latex은 같은 풀이를 담은 LaTeX 문서입니다(pdflatex, 한국어는 xelatex)
cli-help-trace-output = 표준 출력 대신 이 파일에 씁니다
cli-help-compare = 설정 하나만 다른 복사본 2~4개를 같은 초기 가중치와 같은 데이터 순서로 훈련하고 비교합니다
cli-help-compare-scenario = 시나리오 파일이나 내장 시나리오 이름
cli-help-compare-vary = 바꿀 키와 그 값 2~4개. --set이 받는 어떤 키든, 또는 짧은 이름(loss, learning_rate, mode, batch_size, hidden_activation, init, weights). 예: loss=mse,cross-entropy, data.normalize=none,standardize. 값에 쉼표가 있으면 TOML 배열로 씁니다. 예: 'network.layers=[[2, 2, 1], [2, 4, 1]]' (기본값: 시나리오의 `[compare]` 표)
cli-help-compare-epochs = 복사본마다 훈련할 에폭 수. 0이면 초기 가중치를 비교합니다 (기본값: 시나리오의 `[compare] epochs`, 없으면 `epochs`)
cli-help-compare-target = "목표까지 에폭"의 목표. 예: mse=0.05 (기본값: 시나리오에 적힌 값, 없으면 mse=0.1)
cli-help-compare-format = 출력 형식: { $values } (기본값: { $default }). markdown은 요약 표, csv는 복사본마다의 비용 곡선입니다
cli-help-compare-output = 표준 출력 대신 이 파일에 씁니다
cli-help-train = 화면 없이 (빠르게) 훈련하고 마지막 비용을 보여 줍니다
cli-help-train-scenario = 시나리오 파일이나 내장 시나리오 이름
cli-help-train-epochs = 훈련할 에폭 수 (기본값: 시나리오의 `epochs`)
cli-help-train-curve = 에폭마다 다섯 가지 비용을 한 행씩 이 CSV 파일에 씁니다
cli-help-train-test = 훈련이 끝난 뒤 따로 떼어 둔 테스트 데이터로 한 번 평가합니다

## 오류. { $message }는 완성된 문장이고, { $reason }은 운영체제가 쓴 말 그대로이다.

cli-error = 오류: { $message }
cli-error-write = { $path }: 쓸 수 없습니다: { $reason }
cli-error-terminal = 단계별 화면에 터미널을 쓸 수 없습니다: { $reason }. 터미널이 없을 때는 `backstep trace`나 `backstep train`을 쓰세요
cli-error-not-terminal-output = 표준 출력이 터미널이 아닙니다(파일이나 파이프로 나갑니다)
cli-error-not-terminal-input = 표준 입력이 터미널이 아니어서 키를 읽을 수 없습니다
cli-error-dumb-terminal = TERM=dumb 터미널에서는 화면을 그릴 수 없습니다
cli-error-check = 검사한 { $total }개 중 { $invalid }개가 올바르지 않습니다
cli-error-no-compare = { $origin }: 이 시나리오에는 [compare] 표가 없습니다. --vary KEY=VALUE,VALUE로 알려 주세요 (예: --vary loss=mse,cross-entropy)
cli-error-vary = --vary: { $message }
cli-error-target-form = --target: COST=VALUE 꼴(예: mse=0.05)이어야 하는데 `{ $found }`입니다
cli-error-target-cost = --target: { $costs } 중 하나여야 하는데 `{ $found }`입니다
cli-error-target-number = --target: 유한한 수여야 하는데 `{ $found }`입니다
cli-panic = backstep이 비정상 종료했습니다: 시나리오나 명령의 문제가 아니라 backstep의 버그입니다.

## list와 check.

cli-list-default = { $name } (기본)
cli-list-invalid = (올바르지 않음)
cli-list-lesson = 수업 { $name }: { $title } (단계 { $stops }개)
cli-list-lesson-invalid = 수업 { $name }: (올바르지 않음) { $message }
cli-check-lesson-ok = 정상: { $origin } (단계 { $stops }개로 된 수업)
cli-check-ok = 정상: { $origin } ({ $name }: { $sizes } 신경망, 훈련 샘플 { $samples }개)

## train.

cli-train-header = { $name } ({ $shape }): { $epochs }에폭, 이터레이션 { $iterations }번 ({ $mode }, 배치 크기 { $batch }, η = { $eta })
cli-train-training = 훈련
cli-train-validation = 검증
cli-train-test = 테스트
cli-train-no-test = 따로 떼어 둔 테스트 데이터가 없습니다 ([data]에 `test`를 설정하세요)
cli-train-timing = 이터레이션 { $iterations }번을 { $seconds }초에 훈련했습니다 (이터레이션당 { $nanoseconds } ns)

## compare의 요약 표 (사본과 정확도 열은 lesson.ftl의 compare-copy, compare-accuracy).

cli-compare-title = { $name }: { $setting } 비교
cli-compare-epochs-to = { $cost } ≤ { $target }까지 에폭
cli-compare-ratio = 평균 abs(δ¹) / 평균 abs(δᴸ)
cli-compare-not-reached = 도달하지 못함
cli-compare-stopped = { $label } 사본은 도중에 멈췄습니다 — { $reason }
cli-help-lesson = 안내 수업을 지난번에 멈춘 곳에서 엽니다(수업 파일이나 내장 수업 이름, 없으면 내장 수업 backprop)
cli-help-lesson-lesson = 수업 파일이나 내장 수업 이름(기본값: backprop)
cli-help-lesson-restart = 저장된 위치와 답을 지우고 수업을 처음부터 시작합니다

cli-parse-unknown-command = `{ $command }`(이)라는 명령은 없습니다. 명령은 { $commands }입니다.
cli-parse-unknown-option = 이 명령에는 `{ $option }` 옵션이 없습니다.
cli-parse-invalid-value = { $option }: `{ $value }`은(는) 올바른 값이 아닙니다.
cli-parse-missing = 빠진 인수가 있습니다: { $arguments }.
cli-parse-other = 명령줄을 읽을 수 없습니다.
cli-parse-valid = 다음 중 하나를 쓰세요: { $values }.
cli-parse-suggested = 비슷한 것: { $suggested }.
cli-parse-help = 명령과 옵션은 backstep --help(또는 backstep 명령 --help)에서 볼 수 있습니다.
cli-compare-diverged-cell = 에폭 { $epoch }에서 발산
cli-error-every-copy-diverged = 모든 사본({ $copies }개 중 { $copies }개)이 발산해서 { $epochs } 에폭을 끝까지 학습한 사본이 없으므로 비교할 것이 없습니다. 사본마다 해 볼 것을 위에 적었습니다.

## Stop rules (issue 12).
cli-compare-stopped-label = { $label } ({ $epoch }번째 에폭에서 멈춤)

## --set (issue 13)
cli-help-run-set = 시나리오의 키를 바꿉니다. 예: training.learning_rate=0.1, 'network.layers=[2, 5, 1]' (값은 TOML, TOML이 아닌 글은 문자열; 여러 번 쓸 수 있고 나중 것이 우선)
cli-help-trace-set = 시나리오의 키를 바꿉니다. 예: training.learning_rate=0.1, 'network.layers=[2, 5, 1]' (값은 TOML, TOML이 아닌 글은 문자열; 여러 번 쓸 수 있고 나중 것이 우선)
cli-help-train-set = 시나리오의 키를 바꿉니다. 예: training.learning_rate=0.1, 'network.layers=[2, 5, 1]' (값은 TOML, TOML이 아닌 글은 문자열; 여러 번 쓸 수 있고 나중 것이 우선)
cli-help-compare-set = 시나리오의 키를 바꿉니다. 예: training.learning_rate=0.1, 'network.layers=[2, 5, 1]' (값은 TOML, TOML이 아닌 글은 문자열; 여러 번 쓸 수 있고 나중 것이 우선)
cli-help-lesson-set = 수업이 여는 모든 시나리오의 키를 바꿉니다. 예: training.learning_rate=0.1 (값은 TOML; 여러 번 쓸 수 있음)

## resume (issue 14)
cli-help-resume = 저장한 세션(보기에서 S)을 저장한 자리에서 같은 숫자로 다시 엽니다
cli-help-resume-file = 세션 파일. 예: xor.session.toml

## plot (issue 14)
cli-help-plot = 비용 곡선(MSE, 교차 엔트로피, 분류 오류; 훈련과 검증)을 SVG나 PNG 그림으로 그립니다. 비교하면 모든 사본을 겹쳐 그립니다
cli-help-plot-scenario = 시나리오 파일 또는 내장 시나리오 이름
cli-help-plot-epochs = 학습할 에폭 수 (기본값: 시나리오의 epochs, 또는 [compare]의 epochs)
cli-help-plot-output = 그림 파일: FILE.svg 또는 FILE.png (기본값: 현재 폴더의 NAME-curves.svg)
cli-help-plot-size = 가로 × 세로 픽셀, 예: 1280x800 (기본값: { $default })
cli-help-plot-compare = 시나리오의 [compare] 표에 있는 사본을 겹쳐 그립니다 ([compare]가 있으면 늘 그렇게 그리고, 없으면 거부합니다)
cli-help-plot-vary = compare --vary처럼 설정 하나만 다른 사본을 겹쳐 그립니다. 예: loss=mse,cross-entropy
cli-help-plot-set = 시나리오 키를 바꿉니다. 예: training.learning_rate=0.1 (TOML 값, 여러 번 쓸 수 있음)
cli-plot-wrote = { $file } 파일을 썼습니다
cli-error-plot-kind = .svg나 .png로 끝나는 그림 파일이어야 하지만 { $found }입니다
cli-error-plot-size = --size: 가로x세로 픽셀(각각 { $min }에서 { $max }까지, 예: 960x600)이어야 하지만 { $found }입니다
cli-help-run-export_dir = w(내보내기)로 파일을 쓸 폴더 (기본값: 현재 폴더)
