// The bad-input corpus (issue #9, item 4): data files beside this module, one per kind
// of input, each case with the result Pacer must give. The fuzzers draw their garbage
// text from the same files.
import amounts from './amounts.json';
import dates from './dates.json';
import names from './names.json';

/** "@repeat:<text>:<n>" in a data file stands for <text> repeated n times (files stay small). */
export function expand(input: string): string {
  const m = /^@repeat:(.+):(\d+)$/s.exec(input);
  return m ? m[1]!.repeat(Number(m[2])) : input;
}

export const AMOUNT_CASES = amounts.cases.map(c => ({ ...c, input: expand(c.input) }));
export const DATE_CASES = dates.cases;
export const DST_CASES = dates.dstGaps.cases;
export const NAME_CASES = names.cases.map(c => ({ ...c, input: expand(c.input) }));

/** Text the fuzzers write into pages: every corpus input, a few long ones cut short. */
export const GARBAGE_TEXT: readonly string[] = [
  ...AMOUNT_CASES.map(c => c.input.slice(0, 400)),
  ...DATE_CASES.map(c => c.input),
  ...NAME_CASES.map(c => c.input.slice(0, 2000)),
  'Today', 'Overdue', '2d ago', 'Just now', 'in 3 days', 'Closed Won', 'Closed Lost', 'You logged a call', 'Call', 'Email', 'Meeting',
  '1st', '2nd', '3rd+', 'Pending', 'Connect', 'Message', 'Follow', 'Sent', 'Seen', '12:34 PM', '23:59', '00:00', 'Monday', 'Sunday',
];
