import { Caption1, Input, makeStyles, Text, tokens, Tree, TreeItem, TreeItemLayout, TreeOpenChangeData } from "@fluentui/react-components";
import * as React from "react";
import { Catalog, CatalogNode, effectiveMax, formatNumber } from "../../scoring";
import { fold } from "../../scoring/fold";
import { fill, UiLang, UiStrings } from "../i18n";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  main: { flexGrow: 1, minWidth: 0 },
  line: { display: "flex", flexDirection: "column", paddingBlock: "2px", width: "100%", minWidth: 0 },
  head: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline", minWidth: 0 },
  code: { fontWeight: tokens.fontWeightSemibold, minWidth: "2.5em", flexShrink: 0 },
  name: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  max: { whiteSpace: "nowrap", color: tokens.colorNeutralForeground2, flexShrink: 0 },
  details: {
    margin: 0,
    paddingLeft: `calc(2.5em + ${tokens.spacingHorizontalS})`,
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    gap: "2px",
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  desc: { margin: 0 },
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

/** A criterion's details as term/description pairs: target, evidence, deadline, agencies (what the catalogue has). */
export function criterionDetails(node: CatalogNode, s: UiStrings, lang: UiLang): { term: string; text: string }[] {
  const out: { term: string; text: string }[] = [];
  if (node.targetText) out.push({ term: s.target, text: node.targetText });
  const evidence = node.evidence.map((e) => (e.points != null ? `${e.name} (${fill(s.points, { points: formatNumber(e.points, lang) })})` : e.name));
  if (node.evidenceRequirement) evidence.unshift(node.evidenceRequirement);
  if (evidence.length > 0) out.push({ term: s.evidence, text: evidence.join("; ") });
  if (node.deadline) out.push({ term: s.deadline, text: node.deadline });
  if (node.lead) out.push({ term: s.lead, text: node.lead });
  if (node.coordinating) out.push({ term: s.coordinating, text: node.coordinating });
  return out;
}

function addAll(node: CatalogNode, into: Set<string>): void {
  into.add(node.code);
  node.children.forEach((c) => addAll(c, into));
}

/** The codes of the nodes matching `query` (code or name, without diacritics), with their ancestors; null when no query. */
export function matchingCodes(catalog: Catalog, query: string): { shown: Set<string>; open: Set<string> } | null {
  const q = fold(query);
  if (!q) return null;
  const shown = new Set<string>();
  const open = new Set<string>();
  const visit = (node: CatalogNode, ancestors: string[]): boolean => {
    const self = node.code.startsWith(q) || fold(node.name).includes(q);
    let below = false;
    for (const child of node.children) below = visit(child, [...ancestors, node.code]) || below;
    if (self || below) {
      shown.add(node.code);
      ancestors.forEach((a) => shown.add(a));
    }
    // A matching field or criterion shows all it holds.
    if (self) for (const child of node.children) addAll(child, shown);
    if (below) open.add(node.code);
    return self || below;
  };
  catalog.nodes.forEach((n) => visit(n, []));
  return { shown, open };
}

interface NodeProps {
  node: CatalogNode;
  strings: UiStrings;
  lang: UiLang;
  shown: Set<string> | null;
}

function NodeItem({ node, strings, lang, shown }: NodeProps) {
  const styles = useStyles();
  const children = shown ? node.children.filter((c) => shown.has(c.code)) : node.children;
  const details = criterionDetails(node, strings, lang);
  const branch = children.length > 0 || details.length > 0;
  const vi = lang === "en" ? "vi" : undefined;
  return (
    <TreeItem itemType={branch ? "branch" : "leaf"} value={node.code} data-code={node.code}>
      <TreeItemLayout main={{ className: styles.main }}>
        <span className={styles.line}>
          <span className={styles.head}>
            <Text className={styles.code}>{node.code}</Text>
            <Text className={styles.name} lang={vi}>
              {node.name}
            </Text>
            <Text className={styles.max} title={strings.max}>
              {maxLabel(node, strings.unknown, lang)}
            </Text>
          </span>
        </span>
      </TreeItemLayout>
      {branch && (
        <Tree>
          {details.length > 0 && (
            <TreeItem itemType="leaf" value={`${node.code}#details`} aria-label={`${strings.details} ${node.code}`}>
              <TreeItemLayout main={{ className: styles.main }}>
                <dl className={styles.details}>
                  {details.map((d) => (
                    <div key={d.term}>
                      <dt className={styles.term}>{d.term}</dt>
                      <dd className={styles.desc} lang={vi}>
                        {d.text}
                      </dd>
                    </div>
                  ))}
                </dl>
              </TreeItemLayout>
            </TreeItem>
          )}
          {children.map((child) => (
            <NodeItem key={child.code} node={child} strings={strings} lang={lang} shown={shown} />
          ))}
        </Tree>
      )}
    </TreeItem>
  );
}

/** The catalogue's fields, closed at first (one line each), with a search box that opens the way to what matches. */
export function CriteriaTree({ catalog, strings, lang = "vi" }: CriteriaTreeProps) {
  const styles = useStyles();
  const [query, setQuery] = React.useState("");
  const [opened, setOpened] = React.useState<Set<string>>(() => new Set());
  const match = React.useMemo(() => matchingCodes(catalog, query), [catalog, query]);
  const open = match ? new Set([...opened, ...match.open]) : opened;
  const roots = match ? catalog.nodes.filter((n) => match.shown.has(n.code)) : catalog.nodes;
  const onOpenChange = (_: unknown, data: TreeOpenChangeData) => setOpened(new Set([...data.openItems].map(String)));
  return (
    <div className={styles.box}>
      <Input type="search" value={query} onChange={(_, d) => setQuery(d.value)} aria-label={strings.searchCriteria} placeholder={strings.searchCriteria} />
      {roots.length === 0 ? (
        <Caption1 role="status">{strings.noMatch}</Caption1>
      ) : (
        <Tree key={catalog.id} aria-label={strings.criteriaHeading} openItems={open} onOpenChange={onOpenChange}>
          {roots.map((node) => (
            <NodeItem key={node.code} node={node} strings={strings} lang={lang} shown={match ? match.shown : null} />
          ))}
        </Tree>
      )}
    </div>
  );
}
