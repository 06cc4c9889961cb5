import { siteFeed } from '../lib/feeds.ts';

export const GET = siteFeed;
