/**
 * The static paths of every dynamic route: the views of src/archive/views/pages.ts (pure
 * functions of the Archive), each page kept only when its props changed since the output being
 * updated (src/lib/render-plan.ts). Routes call one function each here.
 */
import * as views from '../archive/views/pages.ts';
import { toRender } from './render-plan.ts';
import { archive } from './site.ts';

export type { ArticleView, EntityView, EntryArticlesView, EntryGroup, FeedView, HomeView, KindIndexView, MonthProps, SearchView, YearView } from '../archive/views/pages.ts';
export type { ArticleCard, ListItem, Listing } from '../archive/views/lists.ts';

/** A route's pages as Astro takes them, those to render this build only. */
function routeOf<Params, Props extends object>(pages: views.Page<Params, Props>[]): { params: Params; props: Props }[] {
  return toRender(pages, (p) => p.path).map(({ params, props }) => ({ params, props }));
}

export const articlePaths = () => routeOf(views.articlePages(archive()));
export const entityPaths = () => routeOf(views.entityPages(archive()));
export const entityPagePaths = () => routeOf(views.entityNumberedPages(archive()));
export const entityFeedPaths = () => routeOf(views.entityFeeds(archive()));
export const entityArticlesPaths = () => routeOf(views.entityArticleLists(archive()));
export const kindIndexPaths = () => routeOf(views.kindIndexPages(archive()));
export const homePagePaths = () => routeOf(views.homeNumberedPages(archive()));
export const yearPaths = () => routeOf(views.yearPages(archive()));
export const monthPaths = () => routeOf(views.monthPages(archive()));
export const monthPagePaths = () => routeOf(views.monthNumberedPages(archive()));
export const hijriYearPaths = () => routeOf(views.hijriYearPages(archive()));
export const hijriMonthPaths = () => routeOf(views.hijriMonthPages(archive()));
export const hijriMonthPagePaths = () => routeOf(views.hijriMonthNumberedPages(archive()));

/** `/` (props only: the home page is not a dynamic route, and renders every build). */
export const homeView = () => views.homeView(archive());
/** `/feed.xml` */
export const siteFeedView = () => views.siteFeed(archive());
/** `/search/` */
export const searchView = () => views.searchView(archive());
export const dateArchiveView = () => views.dateArchiveView(archive());
