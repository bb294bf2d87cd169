### The lesson view: the status line, the lesson panel, its keys and its notices.
### Numbers arrive as already-formatted strings.

lesson-view-status-stop = stop { $stop } of { $stops }
lesson-view-status-score = score { $right }/{ $asked }
lesson-view-status-score-short = ✓ { $right }/{ $asked }
lesson-view-more-below = ↓ more (PgDn)
lesson-view-more-above = ↑ more (PgUp)
lesson-view-answer-first = Answer the question first: type a number and press Enter (Enter alone shows the answer).
lesson-view-choose-first = Choose an answer first: 1–{ $last }, or ↑/↓ and Enter.
lesson-view-finished = The lesson is finished: { $score }. ← goes back, q quits.
lesson-view-space-next = Space: the next stop
lesson-view-space-finish = Space: finish the lesson
lesson-view-not-saved = The progress could not be saved: { $reason }
lesson-view-unreachable = This stop cannot be shown: { $reason }
lesson-view-progress-ignored = The saved progress ({ $file }) could not be read and was ignored; the lesson starts at stop 1.
lesson-view-keys-number = type the answer · Enter check (empty: show it) · ← back · ? help · q quit
lesson-view-keys-choice = 1–{ $last } or ↑/↓ Enter choose · ← back · ? help · q quit
lesson-view-keys-next = Space/→ next stop · ← back · PgDn more · ? help · q quit
lesson-view-keys-last = Space finish · ← back · PgDn more · ? help · q quit
lesson-view-help-title = Keys of the lesson
lesson-view-key-next = the next stop, once the question is answered (at the last stop: finish)
lesson-view-key-previous = the stop before
lesson-view-key-type = type the number a question asks for (Backspace erases)
lesson-view-key-check = check the number (empty: show the answer with its formula), or take the highlighted choice
lesson-view-key-choose = choose an answer of a multiple-choice question (one more try after a wrong one)
lesson-view-key-scroll = scroll the narration
lesson-view-key-views = zoom, focus, gradient health and classes, as in the stepping view
lesson-view-key-close = close this help or the notice; unzoom
lesson-view-key-help = show or hide these keys
lesson-view-key-quit = leave the lesson (the place and the answers are saved)
