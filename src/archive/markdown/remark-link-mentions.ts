import type { Link, Parent, Root, Text } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { kindIdOf } from '../kinds.ts';
import { entityKey, type MentionIndex, type NameMatch } from '../model/mention-index.ts';
import { resolveMatches, type Decision, type ResolveContext } from '../model/mentions.ts';
import type { Entity } from '../model/registry.ts';

/** What the caller tells the plugin about the article before it runs. */
export interface MentionInput {
  /** Entries tagged in front matter. */
  tagged: Entity[];
  /** Title and summary: searched first, for indexing, never linked. */
  leading: string[];
}

/** One entry found in an article. */
export interface FoundEntity {
  entity: Entity;
  /** How many times it is mentioned (demonyms not counted unless the site counts them). */
  count: number;
}

/** A name the article uses that could be several entries. */
export interface AmbiguousName {
  text: string;
  line: number;
  column: number;
  candidates: Entity[];
}

/** What the plugin found, published on the vfile. */
export interface ArticleMentions {
  /** Entries mentioned, in order of first mention. */
  found: FoundEntity[];
  /** Places only referred to by an adjective (الليبية), when demonyms do not count as mentions. */
  demonymsOnly: Entity[];
  /** Shared names left unlinked. */
  ambiguous: AmbiguousName[];
}

declare module 'vfile' {
  interface DataMap {
    /** Set by the caller before processing. */
    mentionInput: MentionInput;
    /** Set by `remarkLinkMentions`. */
    mentions: ArticleMentions;
  }
}

/** Options of the plugin: the registry's forms, the place hierarchy, and where entries live. */
export interface LinkMentionsOptions {
  index: MentionIndex;
  ancestors: ResolveContext['ancestors'];
  /** The href of an entry's page. */
  hrefFor: (entity: Entity) => string;
  /** Count demonyms as mentions (a site setting). */
  countDemonyms: boolean;
}

/** A piece of text searched for names, and whether a link may be put there. */
interface Segment {
  text: string;
  node: Text | undefined;
  linkable: boolean;
}

/** Nodes inside which a text is counted but never linked. */
const NOT_LINKABLE = new Set(['link', 'linkReference', 'heading', 'definition', 'footnoteDefinition']);

/**
 * Finds the registry's people and places in the article (title, summary, body) and turns the
 * first linkable mention of each into a link to its page (`a.mention[data-entity][data-id]`).
 * The matching is in `model/`; this only walks the tree and splits text nodes.
 */
export function remarkLinkMentions(options: LinkMentionsOptions) {
  return (tree: Root, file: VFile) => {
    const input = file.data.mentionInput ?? { tagged: [], leading: [] };
    const segments: Segment[] = input.leading.map((text) => ({ text, node: undefined, linkable: false }));
    visitParents(tree, 'text', (node, ancestors) => {
      segments.push({ text: node.value, node, linkable: !ancestors.some((a) => NOT_LINKABLE.has(a.type)) });
    });

    const located: { segment: Segment; match: NameMatch }[] = [];
    segments.forEach((segment, i) => {
      for (const match of options.index.findNames(segment.text)) located.push({ segment, match: { ...match, segment: i } });
    });
    const decisions = resolveMatches(
      located.map((l) => l.match),
      { tagged: input.tagged, ancestors: options.ancestors },
    );

    const found = new Map<string, FoundEntity>();
    const demonyms = new Map<string, Entity>();
    const firstLinkable = new Map<string, { segment: Segment; decision: Decision }>();
    const ambiguous: AmbiguousName[] = [];
    decisions.forEach((decision, i) => {
      const { segment } = located[i]!;
      const counts = decision.status === 'mention' || (decision.status === 'demonym' && options.countDemonyms);
      if (decision.status === 'demonym' && decision.entity) demonyms.set(entityKey(decision.entity), decision.entity);
      if (decision.status === 'ambiguous') {
        ambiguous.push({ text: segment.text.slice(decision.match.start, decision.match.end), ...where(segment, decision.match.start), candidates: decision.candidates });
      }
      if (!counts || !decision.entity) return;
      const key = entityKey(decision.entity);
      const entry = found.get(key) ?? { entity: decision.entity, count: 0 };
      entry.count++;
      found.set(key, entry);
      if (decision.status === 'mention' && segment.linkable && !firstLinkable.has(key)) firstLinkable.set(key, { segment, decision });
    });

    // Split each text node around its links, last first so earlier offsets stay valid.
    const byNode = new Map<Text, Decision[]>();
    for (const { segment, decision } of firstLinkable.values()) {
      const list = byNode.get(segment.node!) ?? [];
      list.push(decision);
      byNode.set(segment.node!, list);
    }
    visitParents(tree, 'text', (node, ancestors) => {
      const list = byNode.get(node);
      if (!list) return;
      const parent = ancestors.at(-1) as Parent;
      const parts: (Text | Link)[] = [];
      let cursor = 0;
      for (const d of list.sort((a, b) => a.match.start - b.match.start)) {
        if (d.match.start > cursor) parts.push({ type: 'text', value: node.value.slice(cursor, d.match.start) });
        const entity = d.entity!;
        parts.push({
          type: 'link',
          url: options.hrefFor(entity),
          children: [{ type: 'text', value: node.value.slice(d.match.start, d.match.end) }],
          data: { hProperties: { className: ['mention', `mention--${entity.entity}`], dataEntity: kindIdOf(entity), dataId: entity.id } },
        });
        cursor = d.match.end;
      }
      if (cursor < node.value.length) parts.push({ type: 'text', value: node.value.slice(cursor) });
      parent.children.splice(parent.children.indexOf(node), 1, ...parts);
    });

    file.data.mentions = {
      found: [...found.values()],
      demonymsOnly: [...demonyms.entries()].filter(([key]) => !found.has(key)).map(([, e]) => e),
      ambiguous,
    };
  };
}

/** Line and column in the source of an offset inside a text node (approximate when the text had escapes). */
function where(segment: Segment, offset: number): { line: number; column: number } {
  const start = segment.node?.position?.start;
  if (!start) return { line: 1, column: 1 };
  const before = segment.text.slice(0, offset).split('\n');
  return before.length === 1
    ? { line: start.line, column: start.column + offset }
    : { line: start.line + before.length - 1, column: before.at(-1)!.length + 1 };
}
