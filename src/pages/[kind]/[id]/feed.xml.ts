import type { APIRoute } from 'astro';
import { feedResponse } from '../../../lib/feeds.ts';
import { entityFeedPaths, type FeedView } from '../../../lib/routes.ts';

export const getStaticPaths = () => entityFeedPaths();
export const GET: APIRoute = ({ props }) => feedResponse((props as { view: FeedView }).view);
