// What a failed command means, in the interface language. The backend sends the broken rule or
// the advice for the kind of failure in both languages; its `message` keeps the server's own
// words, which are shown only as details.

import type { TFunction } from "i18next";

import type { IpcError, LocalizedText } from "../ipc";

export function localized(text: LocalizedText, language: string): string {
  return language === "zh-CN" ? text.zhCn : text.en;
}

/** The sentence that leads an error: the rule it broke, else its advice, else its code's text. */
export function errorSummary(error: IpcError, t: TFunction, language: string): string {
  if (error.violation !== null) return localized(error.violation.message, language);
  if (error.advice !== null) return localized(error.advice, language);
  return t(`errors.code.${error.code}`);
}

/** The server's own words, when they add anything to the summary. */
export function errorDetails(error: IpcError): string | null {
  return error.violation === null && error.message !== "" ? error.message : null;
}
