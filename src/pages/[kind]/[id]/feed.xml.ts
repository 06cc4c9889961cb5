import type { APIRoute } from 'astro';
import { entityFeed } from '../../../lib/feeds.ts';
import { entityFeedPaths, type FeedView } from '../../../lib/routes.ts';

export const getStaticPaths = () => entityFeedPaths();
export const GET: APIRoute = ({ props }) => entityFeed((props as { view: FeedView }).view);
