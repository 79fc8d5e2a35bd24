import { makeStyles, Text, tokens, Tree, TreeItem, TreeItemLayout } from "@fluentui/react-components";
import * as React from "react";
import { Catalog, CatalogNode, effectiveMax, formatNumber, walk } from "../../scoring";
import { UiLang, UiStrings } from "../i18n";

const useStyles = makeStyles({
  main: { flexGrow: 1, minWidth: 0 },
  line: { display: "flex", flexDirection: "column", paddingBlock: "2px", width: "100%" },
  head: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline" },
  code: { fontWeight: tokens.fontWeightSemibold, minWidth: "3.5em", flexShrink: 0 },
  name: { flexGrow: 1, minWidth: 0 },
  max: { whiteSpace: "nowrap", color: tokens.colorNeutralForeground2, flexShrink: 0 },
  // Indented to the name column (code width + gap).
  rule: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace, paddingLeft: `calc(3.5em + ${tokens.spacingHorizontalS})` },
});

export interface CriteriaTreeProps {
  catalog: Catalog;
  strings: UiStrings;
  /** The pane's language, for the figures (1,50 / 1.50). */
  lang?: UiLang;
}

/** The max shown for a node: its own or its children's sum, as every output writes figures (1,50); "—" where unknown. */
export function maxLabel(node: CatalogNode, unknown: string, lang: UiLang = "vi"): string {
  const max = effectiveMax(node);
  return max === null ? unknown : formatNumber(max, lang);
}

function NodeItem({ node, strings, lang }: { node: CatalogNode; strings: UiStrings; lang: UiLang }) {
  const styles = useStyles();
  const branch = node.children.length > 0;
  return (
    <TreeItem itemType={branch ? "branch" : "leaf"} value={node.code} data-code={node.code}>
      <TreeItemLayout main={{ className: styles.main }}>
        <span className={styles.line}>
          <span className={styles.head}>
            <Text className={styles.code}>{node.code}</Text>
            <Text className={styles.name}>{node.name}</Text>
            <Text className={styles.max} title={strings.max}>
              {maxLabel(node, strings.unknown, lang)}
            </Text>
          </span>
          {node.rule && (
            <Text size={200} className={styles.rule}>
              {strings.rule}: {node.rule}
            </Text>
          )}
        </span>
      </TreeItemLayout>
      {branch && (
        <Tree>
          {node.children.map((child) => (
            <NodeItem key={child.code} node={child} strings={strings} lang={lang} />
          ))}
        </Tree>
      )}
    </TreeItem>
  );
}

/** The catalogue's fields, criteria and sub-criteria, all open at first. */
export function CriteriaTree({ catalog, strings, lang = "vi" }: CriteriaTreeProps) {
  const open = React.useMemo(() => [...walk(catalog.nodes)].filter((n) => n.children.length > 0).map((n) => n.code), [catalog]);
  return (
    <Tree key={catalog.id} aria-label={strings.criteriaHeading} defaultOpenItems={open}>
      {catalog.nodes.map((node) => (
        <NodeItem key={node.code} node={node} strings={strings} lang={lang} />
      ))}
    </Tree>
  );
}
