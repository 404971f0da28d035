/**
 * Whether the installed patches act, or hand every call straight to the library they wrap.
 * Installed patches stay in place (pdfkit must load fontkit through sharedFonts.ts, so they go in
 * before pdfmake is loaded); this one switch decides whether they do anything, so the self-check
 * can lay out its reference both ways in the same thread and fall back to plain pdfmake.
 */
let on = false;

export function patchesOn(): boolean {
  return on;
}

export function switchPatches(value: boolean): void {
  on = value;
}

/** The setting that turns the patches off for a PDF thread: CYBER_COUNTER_PDF_PATCHES=off. */
export function patchesWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CYBER_COUNTER_PDF_PATCHES?.trim().toLowerCase() !== 'off';
}
