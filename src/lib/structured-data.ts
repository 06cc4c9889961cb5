/**
 * schema.org JSON-LD for search engines: NewsArticle on article pages, Person, Place,
 * Organization (or a configured kind's type) on entry pages, BreadcrumbList on both. Built as plain objects; `jsonLdScript` serialises them
 * so that no value can close the script element.
 */
import { sharedFile } from '../archive/media/picture.ts';
import { BUILTIN_KINDS, kindIdOf } from '../archive/kinds.ts';
import type { Article, LeadImage } from '../archive/model/article.ts';
import { isoDateTime } from '../archive/text/dates.ts';
import type { Entity, EntityRef } from '../archive/model/registry.ts';
import type { Crumb } from './breadcrumbs.ts';
import { paths } from '../archive/urls.ts';
import { kindsOf } from '../archive/config.ts';
import { absolute, site } from './site.ts';

type Json = Record<string, unknown>;

/** An entry as schema.org sees it when another page names it. */
export function entityJson(entity: EntityRef): Json {
  return {
    '@type': entity.entity === 'term' ? kindsOf(site().config).of(entity).schemaOrgType : BUILTIN_KINDS[entity.entity].schemaOrgType,
    name: entity.name,
    url: absolute(paths.entity(entity)),
    ...(entity.wikidata ? { sameAs: [`https://www.wikidata.org/wiki/${entity.wikidata}`] } : {}),
  };
}

/** NewsArticle: headline, dates, language, publisher and source, and the entries it is about or mentions. */
export function articleJson(article: Article, entities: readonly EntityRef[]): Json {
  const { settings } = site().config;
  const tagged = new Set(article.tagged);
  const key = (e: EntityRef) => `${kindIdOf(e)}:${e.id}`;
  const about = entities.filter((e) => tagged.has(key(e)));
  const mentions = entities.filter((e) => !tagged.has(key(e)));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary,
    // As the editor wrote it: a date, or a date-time with its offset.
    datePublished: isoDateTime(article.date),
    ...(article.updated ? { dateModified: isoDateTime(article.updated) } : {}),
    inLanguage: 'ar',
    url: absolute(article.path),
    mainEntityOfPage: absolute(article.path),
    publisher: { '@type': 'Organization', name: settings.title, url: absolute('/') },
    ...(article.author ? { author: { '@type': 'Person', name: article.author } } : {}),
    ...(article.source || article.sourceUrl
      ? { isBasedOn: { '@type': 'NewsArticle', ...(article.sourceUrl ? { url: article.sourceUrl } : {}), ...(article.source ? { publisher: { '@type': 'Organization', name: article.source } } : {}) } }
      : {}),
    ...(about.length ? { about: about.map((e) => entityJson(e)) } : {}),
    ...(mentions.length ? { mentions: mentions.map((e) => entityJson(e)) } : {}),
    ...(article.image ? { image: imageJson(article.image) } : {}),
  };
}

/** A photo as schema.org sees it: the file sharing cards use, with its caption and credit. */
function imageJson(lead: LeadImage): Json {
  const file = sharedFile(lead);
  return {
    '@type': 'ImageObject',
    url: absolute(file.path),
    contentUrl: absolute(file.path),
    width: file.width,
    height: file.height,
    ...(lead.caption ? { caption: lead.caption } : {}),
    ...(lead.credit ? { creditText: lead.credit } : {}),
  };
}

/** An entry page's own description: names, description, and what its family adds (coordinates, containing place, parent organisation). */
export function entityPageJson(entity: Entity, parent?: EntityRef, country?: EntityRef): Json {
  const alternateName = [entity.latin, ...entity.aliases].filter(Boolean);
  const extra: Json = {
    ...(alternateName.length ? { alternateName } : {}),
    ...(entity.description ? { description: entity.description } : {}),
    ...(entity.image ? { image: imageJson(entity.image) } : {}),
  };
  switch (entity.entity) {
    case 'place':
      if (entity.coordinates) extra['geo'] = { '@type': 'GeoCoordinates', latitude: entity.coordinates[0], longitude: entity.coordinates[1] };
      if (parent) extra['containedInPlace'] = entityJson(parent);
      break;
    case 'organisation': {
      if (parent) extra['parentOrganization'] = entityJson(parent);
      if (country) extra['location'] = entityJson(country);
      break;
    }
    case 'person':
    case 'term':
      break;
  }
  return { '@context': 'https://schema.org', ...entityJson(entity), ...extra };
}

/** BreadcrumbList of a trail. */
export function breadcrumbJson(trail: Crumb[]): Json {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, i) => ({ '@type': 'ListItem', position: i + 1, name: crumb.name, item: absolute(crumb.path) })),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` escaped so nothing can end the element. */
export function jsonLdScript(data: Json[]): string {
  return JSON.stringify(data.length === 1 ? data[0] : data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}
