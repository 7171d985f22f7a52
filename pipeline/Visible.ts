/**
 * Visible: text made safe to show on a terminal. A problem quotes what it
 * read (a bad NDJSON line, a file's name), and a terminal obeys the control
 * characters in it: an escape sequence recolours or clears the screen, a
 * line break in a file name forges a line of factgate's own.
 */

// C0 controls, DEL and C1 controls (among them U+009B, a one-character CSI).
const controls = /[\u0000-\u001f\u007f-\u009f]/g

/** Every control character written as its escape: "\u001b", "\u000a". */
export const visible = (text: string): string =>
  text.replace(controls, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
