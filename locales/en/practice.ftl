### Practice: predict a number (or pick a choice), then see it revealed.
### Symbols, numbers and formulas arrive already written out.

practice-prompt = What is { $symbol }?
practice-prompt-weight = What is { $symbol } after the update?
practice-prompt-cost = What is the { $symbol } over the training set?
practice-formula-batch-loss = C = the mean { $loss } over the batch of { $samples } samples = { $value }
practice-formula-cost = { $cost } over the { $samples } training samples = { $value }
practice-not-a-number = “{ $text }” is not a number: write digits with . for the decimals, - for a minus and e for a power of ten, e.g. -1.5e-3.
practice-hint = Not yet. Hint: { $hint }
practice-revealed = The answer: { $formula }
practice-right = Right: { $formula }
practice-choice-retry = Not this one. Try again.
practice-choice-revealed = The answer is “{ $choice }”. { $explanation }
practice-choice-right = Right. { $explanation }
practice-score = { $right } of { $asked } right at the first try

## Practice mode in the stepping view.
practice-key-toggle = practice: answer each number before it is shown (again: off)
practice-refused-compare = Practice asks about one network: leave compare mode (c) first.
practice-status = practice { $right }/{ $asked }
practice-bar-answer = answer
practice-bar-check = check
practice-bar-go-on = go on
practice-bar-skip = skip
practice-next = Next: { $phase }
practice-help-note = Practice (p): before a step shows a number about the selection (choose it first with ↓/↑/Tab), the phase panel asks for it. Type digits . - e (Backspace erases), Enter checks: within 1 % (or half a unit of the last decimal shown) is right; a wrong answer gets a hint, a second one (or an empty Enter) the worked answer; Enter or Space then takes the step. Esc skips the question. The status line counts the answers right at the first try. Auto-run stops at each question; n and e step over them. Not in compare mode.
