// zod configured once (Chinese messages, jitless) for the app and the scenarios alike.
import { z } from '../../scenarios/lib/zod';

export { z };

/**
 * Characters no name, title or note may hold: control characters (C0, DEL, C1; a textarea keeps its
 * line breaks and tabs), format characters (bidi overrides and isolates U+202A–U+202E, U+2066–U+2069, the marks
 * U+200E/U+200F/U+061C, zero-width U+200B–U+200D, U+2060, U+FEFF and the rest of Unicode's Cf) and
 * the line/paragraph separators. They are invisible, so a name can read differently from what it
 * is (a reversed file name in a report, two "identical" usernames) or break a single-line field.
 */
const HIDDEN_CHARACTER = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
// A textarea keeps its line breaks and tabs (usernames pasted from a spreadsheet row are tab-separated).
const HIDDEN_CHARACTER_EXCEPT_LAYOUT = /[\0-\x08\v\f\x0E-\x1F\x7F-\x9F\p{Cf}\u2028\u2029]/u;

/** The first character a name, title or note may not hold, as `U+XXXX`, or null. */
export function hiddenCharacterIn(value: string, options: { multiline?: boolean } = {}): string | null {
  const found = (options.multiline ? HIDDEN_CHARACTER_EXCEPT_LAYOUT : HIDDEN_CHARACTER).exec(value);
  return found ? `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : null;
}

/**
 * The one refinement every stored name, title and note goes through (`.superRefine(plainText('姓名'))`):
 * refuses control, zero-width and bidi characters with a Chinese message naming the field and the
 * character, and stops that field's other checks (one clear message rather than several).
 */
export function plainText(label: string, options: { multiline?: boolean } = {}) {
  return (value: string, ctx: z.RefinementCtx<string>) => {
    const found = hiddenCharacterIn(value, options);
    if (found) {
      ctx.addIssue({
        code: 'custom',
        message: `${label}含有不允许的不可见字符（${found}：控制字符、零宽字符或文字方向控制符），请删除后重新输入`,
        input: value,
        continue: false,
      });
    }
  };
}
