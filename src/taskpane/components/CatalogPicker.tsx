import { Dropdown, Field, Option } from "@fluentui/react-components";
import * as React from "react";
import { builtinCatalog, Catalog, isBuiltinId } from "../../scoring";
import { UiStrings } from "../i18n";

export interface CatalogPickerProps {
  catalogs: Catalog[];
  /** Index into catalogs of the active one. */
  selected: number;
  onSelect: (index: number) => void;
  strings: UiStrings;
  disabled?: boolean;
  /** The pane's language: catalogue names (Vietnamese) are marked lang="vi" in English. */
  lang?: "vi" | "en";
}

/** A built-in catalogue itself (not a custom one reusing a built-in's id). */
export const isBuiltin = (c: Catalog) => isBuiltinId(c.id) && builtinCatalog(c.id) === c;

/** Dropdown of the catalogues by name (a custom one says so); options are keyed by position, so a custom one may reuse an id. */
export function CatalogPicker({ catalogs, selected, onSelect, strings, disabled = false, lang = "vi" }: CatalogPickerProps) {
  const current = catalogs[selected];
  return (
    <Field label={strings.catalogLabel} hint={strings.catalogHint}>
      <Dropdown
        style={{ minWidth: 0, width: "100%" }}
        value={current ? current.name : ""}
        disabled={disabled}
        selectedOptions={[String(selected)]}
        onOptionSelect={(_, data) => {
          const index = Number(data.optionValue);
          if (Number.isInteger(index) && index !== selected) onSelect(index);
        }}
      >
        {catalogs.map((c, i) => (
          <Option key={i} value={String(i)} text={c.name}>
            <span lang={lang === "en" ? "vi" : undefined}>{c.name}</span>
            {!isBuiltin(c) && ` (${strings.customCatalog})`}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
