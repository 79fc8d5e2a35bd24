import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import * as React from "react";
import { UiStrings } from "../i18n";

/** What Excel could not do here (already worded by the adapter); nothing when all was done. */
export function SkippedList({ items, strings }: { items: string[]; strings: UiStrings }) {
  if (items.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{strings.skippedTitle}</MessageBarTitle>
        <ul>
          {items.map((text, i) => (
            <li key={i}>{text}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
