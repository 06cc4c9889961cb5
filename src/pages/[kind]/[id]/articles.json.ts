import type { APIRoute } from 'astro';
import { entityArticlesPaths, type EntryArticlesView } from '../../../lib/routes.ts';

export const getStaticPaths = () => entityArticlesPaths();
export const GET: APIRoute = ({ props }) => new Response(JSON.stringify((props as { view: EntryArticlesView }).view), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
