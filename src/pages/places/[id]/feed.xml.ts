import type { APIRoute } from 'astro';
import type { Entity } from '../../../archive/model/registry.ts';
import { entityFeed } from '../../../lib/feeds.ts';
import { entityPaths } from '../../../lib/routes.ts';

export const getStaticPaths = () => entityPaths('place');
export const GET: APIRoute = ({ props }) => entityFeed((props as { entity: Entity }).entity);
