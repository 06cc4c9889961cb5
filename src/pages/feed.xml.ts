import { feedResponse } from '../lib/feeds.ts';
import { siteFeedView } from '../lib/routes.ts';

export const GET = () => feedResponse(siteFeedView());
