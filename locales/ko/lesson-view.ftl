### 수업 화면: 상태 줄, 수업 패널, 키와 알림.
### 숫자는 이미 문자열로 만들어진 인자로 전달된다.

lesson-view-status-stop = { $stops }단계 중 { $stop }단계
lesson-view-status-score = 점수 { $right }/{ $asked }
lesson-view-status-score-short = ✓ { $right }/{ $asked }
lesson-view-more-below = ↓ 더 보기 (PgDn)
lesson-view-more-above = ↑ 위에 더 (PgUp)
lesson-view-answer-first = 먼저 질문에 답해 주세요: 숫자를 입력하고 Enter를 누르세요(아무것도 입력하지 않고 Enter를 누르면 답을 보여 줍니다).
lesson-view-choose-first = 먼저 답을 골라 주세요: 1–{ $last }, 또는 ↑/↓와 Enter.
lesson-view-finished = 수업을 마쳤습니다: { $score }. ←는 이전 단계, q는 종료입니다.
lesson-view-space-next = Space: 다음 단계
lesson-view-space-finish = Space: 수업 마치기
lesson-view-not-saved = 진행 상황을 저장하지 못했습니다: { $reason }
lesson-view-unreachable = 이 단계를 보여 줄 수 없습니다: { $reason }
lesson-view-progress-ignored = 저장된 진행 상황({ $file })을 읽을 수 없어 무시했습니다. 1단계부터 시작합니다.
lesson-view-keys-number = 답 입력 · Enter 확인(빈 답: 정답 보기) · ← 이전 · ? 도움말 · q 종료
lesson-view-keys-choice = 1–{ $last } 또는 ↑/↓ Enter 선택 · ← 이전 · ? 도움말 · q 종료
lesson-view-keys-next = Space/→ 다음 단계 · ← 이전 · PgDn 더 보기 · ? 도움말 · q 종료
lesson-view-keys-last = Space 마치기 · ← 이전 · PgDn 더 보기 · ? 도움말 · q 종료
lesson-view-help-title = 수업의 키
lesson-view-key-next = 다음 단계로 갑니다(질문에 답한 뒤). 마지막 단계에서는 수업을 마칩니다
lesson-view-key-previous = 이전 단계로 갑니다
lesson-view-key-type = 질문이 묻는 숫자를 입력합니다(Backspace로 지웁니다)
lesson-view-key-check = 입력한 숫자를 확인합니다(빈 답: 정답과 수식을 보여 줍니다). 객관식에서는 강조된 보기를 고릅니다
lesson-view-key-choose = 객관식 질문의 답을 고릅니다(틀리면 한 번 더 고를 수 있습니다)
lesson-view-key-scroll = 설명을 스크롤합니다
lesson-view-key-views = 단계별 화면처럼 확대, 포커스, 기울기 상태, 클래스 보기를 바꿉니다
lesson-view-key-close = 이 도움말이나 알림을 닫습니다. 확대를 풉니다
lesson-view-key-help = 이 키 목록을 보이거나 숨깁니다
lesson-view-key-quit = 수업을 나갑니다(위치와 답은 저장됩니다)
