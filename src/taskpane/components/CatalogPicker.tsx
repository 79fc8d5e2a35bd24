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
}

/** A built-in catalogue itself (not a custom one reusing a built-in's id). */
export const isBuiltin = (c: Catalog) => isBuiltinId(c.id) && builtinCatalog(c.id) === c;

/** Dropdown of the catalogues (name and id); options are keyed by position, so a custom one may reuse an id. */
export function CatalogPicker({ catalogs, selected, onSelect, strings, disabled = false }: CatalogPickerProps) {
  const current = catalogs[selected];
  return (
    <Field label={strings.catalogLabel} hint={strings.catalogHint}>
      <Dropdown
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
            {`${c.name} (${isBuiltin(c) ? c.id : `${c.id}, ${strings.customCatalog}`})`}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
