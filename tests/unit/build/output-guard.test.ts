/**
 * The dangerous-output matrix: every folder the build must never replace, reached directly,
 * from inside, from above, through `..` and through a symbolic link, is refused; a new, empty
 * or previously built folder is accepted. (tests/build/environment-faults.test.ts runs the real
 * command on the cases that can be tried without risking the project.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outputFolderProblem } from '../../../src/archive/build/output-guard.ts';
import { tempDir } from '../../helpers/content.ts';

describe('the output folder guard', () => {
  // A project laid out like ours, in a temporary folder.
  const project = tempDir('guard');
  const home = tempDir('guard-home');
  for (const folder of ['content/articles', 'src', 'public', 'node_modules', '.git', '.cache/archive', 'dist']) fs.mkdirSync(path.join(project, folder), { recursive: true });
  fs.writeFileSync(path.join(project, 'content/articles/a.md'), '---\ntitle: t\ndate: 2021-01-01\n---\n');
  fs.writeFileSync(path.join(project, 'dist/.archive-build'), 'stamp\n');
  fs.writeFileSync(path.join(project, 'dist/index.html'), 'a previous build');
  fs.symlinkSync(path.join(project, 'content'), path.join(project, 'link-to-content'));
  fs.mkdirSync(path.join(project, 'someone-elses'));
  fs.writeFileSync(path.join(project, 'someone-elses/notes.txt'), 'keep me');
  fs.writeFileSync(path.join(project, 'a-file'), 'not a folder');
  const folders = { contentDir: path.join(project, 'content'), cacheDir: path.join(project, '.cache/archive'), projectRoot: project, homes: [home] };
  afterAll(() => {
    fs.rmSync(project, { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
  });

  const refused: [string, string, RegExp][] = [
    ['the content folder', 'content', /is the content folder/],
    ['the content folder through ..', 'dist/../content', /is the content folder/],
    ['the content folder through a symbolic link', 'link-to-content', /is the content folder/],
    ['a folder inside the content folder', 'content/articles', /is inside the content folder/],
    ['a new folder inside the content folder', 'content/site', /is inside the content folder/],
    ['the project root', '.', /is the project folder|contains the content folder/],
    ['a folder above the project', '..', /contains the content folder/],
    ['the file system root', '/', /contains the content folder/],
    ["the project's src/", 'src', /is the project's src\/ folder/],
    ['a folder inside src/', 'src/dist', /is inside the project's src\/ folder/],
    ["the project's public/", 'public', /is the project's public\/ folder/],
    ["the project's node_modules/", 'node_modules', /node_modules/],
    ["the project's .git/", '.git', /\.git/],
    ['the cache folder', '.cache/archive', /is the cache folder/],
    ['a folder containing the cache', '.cache', /contains the cache folder/],
    ['a non-empty folder without a build stamp', 'someone-elses', /is not empty \(notes\.txt\) and holds no site built by this archive/],
    ['a file', 'a-file', /is a file, not a folder/],
  ];
  for (const [what, folder, message] of refused) {
    it(`refuses ${what}`, () => {
      const problem = outputFolderProblem(path.resolve(project, folder), folders);
      expect(problem?.en).toMatch(message);
      // Said in Arabic too, naming the same folder.
      expect(problem?.ar).toMatch(/[\u0621-\u064A]{3}/);
      expect(problem?.ar).toContain(`ARCHIVE_OUT_DIR (${path.resolve(project, folder)})`);
    });
  }

  it('refuses a home folder and a folder containing one', () => {
    expect(outputFolderProblem(home, folders)?.en).toMatch(/is a home folder/);
    expect(outputFolderProblem(path.dirname(home), folders)?.en).toMatch(/contains (a home folder|the content folder)/);
  });

  it('accepts a folder inside a home folder, a new folder, an empty one, and a previous build', () => {
    expect(outputFolderProblem(path.join(home, 'site/dist'), folders)).toBeUndefined();
    expect(outputFolderProblem(path.join(project, 'new-dist'), folders)).toBeUndefined();
    fs.mkdirSync(path.join(project, 'empty'));
    expect(outputFolderProblem(path.join(project, 'empty'), folders)).toBeUndefined();
    expect(outputFolderProblem(path.join(project, 'dist'), folders)).toBeUndefined();
  });

  it('accepts a folder without a stamp that a killed build was publishing into (its journal beside it)', () => {
    fs.mkdirSync(path.join(project, 'volume'));
    fs.writeFileSync(path.join(project, 'volume/index.html'), 'moved in before the stamp');
    expect(outputFolderProblem(path.join(project, 'volume'), folders)?.en).toMatch(/holds no site built by this archive/);
    fs.writeFileSync(path.join(project, 'volume.publish.json'), '{}');
    expect(outputFolderProblem(path.join(project, 'volume'), folders)).toBeUndefined();
  });
});
