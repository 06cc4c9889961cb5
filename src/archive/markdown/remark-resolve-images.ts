/**
 * The pictures of a body: each Markdown image (`![alt](photo.jpg "caption — تصوير: …")`) is
 * looked up through the caller's `resolve` (src/archive/load.ts: the reference resolved in
 * content/, the file read), where it stands, so a missing or bad file is reported at its line.
 * A picture found is numbered and its URL becomes `#archive-image-<n>`, which the allow-list
 * keeps as it is; rehype-pictures.ts, after the allow-list, turns it into the `<picture>`.
 * Without a resolver (registry biographies), images are left as written.
 */
import type { Image, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { PublishedImage } from '../media/published-image.ts';
import type { ImageRule } from '../media/read-image.ts';
import { report } from './report.ts';

/** What the caller gives to resolve a body's pictures. */
export interface ImageInput {
  /** The site's base path, for the files' URLs. */
  base: string;
  /** The picture a reference names, or undefined after reporting why not (`report`, which also takes warnings about a picture that is published). */
  resolve: (src: string, report: (rule: ImageRule, problem: string, fix: string, ar: { problem: string; fix: string }) => void) => PublishedImage | undefined;
}

/** A picture of the body, in order. */
export interface BodyImage {
  image: PublishedImage;
  alt: string;
  title: string | undefined;
}

declare module 'vfile' {
  interface DataMap {
    /** Set by the caller before processing. */
    imageInput: ImageInput;
    /** Set by `remarkResolveImages`. */
    images: BodyImage[];
  }
}

export const IMAGE_TOKEN = '#archive-image-';

export function remarkResolveImages() {
  return (tree: Root, file: VFile) => {
    const input = file.data.imageInput;
    const images: BodyImage[] = [];
    file.data.images = images;
    if (!input) return;
    visit(tree, 'image', (node: Image, index, parent) => {
      const place = node.position?.start ?? { line: 1, column: 1 };
      const reportHere = (rule: ImageRule | 'image/no-alt', problem: string, fix: string, ar: { problem: string; fix: string }) => {
        report(file, 'image', rule.slice('image/'.length), place, { message: problem, hint: fix }, { message: ar.problem, hint: ar.fix });
      };
      const alt = (node.alt ?? '').trim();
      const image = input.resolve(node.url, reportHere);
      if (!image) {
        // Refused (the build stops on the error): its words stay in the text meanwhile.
        if (parent && index !== undefined) parent.children.splice(index, 1, { type: 'text', value: alt } satisfies Text);
        return SKIP;
      }
      if (alt === '') {
        reportHere('image/no-alt', 'this picture has no description (the text between “![” and “]”), which readers who cannot see it are given', 'describe what it shows, e.g. ![الوزيران في طرابلس](photo.jpg)', {
        problem: 'لا وصف لهذه الصورة (النص بين «![» و«]»)، وهو ما يُقرأ لمن لا يراها',
        fix: 'صِف ما فيها، مثلا ![الوزيران في طرابلس](photo.jpg)',
      });
      }
      node.url = `${IMAGE_TOKEN}${images.length}`;
      images.push({ image, alt, title: node.title ?? undefined });
      return SKIP;
    });
  };
}
