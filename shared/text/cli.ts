// The command line's own words beyond the report (STYLE.md habit 11): the help, what it prints
// around a refusal or a result, and the browser-mode banner. Errors are codes (messages/errors.ts,
// cli/…); the report's frame is terminal.ts. One table per language, so a missing phrase is a
// type error.
export interface CliText {
  help(version: string): string;
  readonly nothingMeasured: string;        // ends a refusal before the first packet
  readonly nothingMeasuredSite: string;    // the same, when the site's history cannot be written
  reportFollows(writtenTo: string | null): string;
  providerSaved(id: string, name: string): string;
  readonly addedHere: string;              // beside a provider of the user's own
  uiServing(url: string, port: number): string;
  // --register USER (issue 16): the prompt on a terminal, the warning before registering, and what
  // follows a refusal of the run (the SIP port in use: nothing was registered).
  passwordPrompt(user: string): string;
  registerWarning(aor: string): string;
  readonly registerNotAttempted: string;
  // Ctrl-C during a run: nothing saved; `withdrawn`: the test registration's un-REGISTER went out.
  interrupted(withdrawn: boolean): string;
}
