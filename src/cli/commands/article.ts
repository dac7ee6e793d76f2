/** `parley article ID`: an article's text with the spans of its events marked, then its events. */
import { Command, Option } from 'commander';
import { articleJson } from '../../analysis/export/export.js';
import { legend, markSpans, type Marked, type MarkStyle } from '../../analysis/mark-spans.js';
import type { ArticleView } from '../../store/store.js';
import { EXIT } from '../exit-codes.js';
import { withStore } from '../run-store-command.js';
import { dbOption } from '../store-options.js';

interface ArticleCliOptions {
  db?: string;
  format: 'text' | 'json';
  color: 'auto' | 'always' | 'never';
}

function render(view: ArticleView, style: MarkStyle): string {
  const { article: a, events, statements } = view;
  const marks: Marked[] = events.flatMap((e) => [
    { span: e.source.span, role: 'source' as const },
    { span: e.action.span, role: 'action' as const },
    ...(e.target ? [{ span: e.target.span, role: 'target' as const }] : []),
  ]);
  const lines = [
    `${a.id} · ${a.published}${a.title ? ` · ${a.title}` : ''}`,
    ...(a.url ? [a.url] : []),
    `${events.length} events, ${statements.length} statements · coded by ${a.coderVersion} · ${legend(style)}`,
    '',
    markSpans(a.text, marks, style),
    '',
  ];
  if (events.length) lines.push('events:');
  for (const e of events) {
    const who = (x: typeof e.source | null) => (x ? `${x.code}${x.person ? ` (${x.person})` : ''}` : '—');
    lines.push(
      `  ${e.id}  ${e.date}  ${who(e.source)} ${e.negated ? 'NOT ' : ''}${e.cameo} ${who(e.target)}` +
        `  "${e.action.text}"${e.place ? ` in ${e.place.name}` : ''}  [${e.rule}]`,
    );
  }
  if (statements.length) lines.push('statements:');
  for (const s of statements) {
    const who = s.speaker ? `${s.speaker.person ?? s.speaker.name} (${s.speaker.key})` : '?';
    lines.push(`  ${s.id}  ${who} ${s.cue.text}: "${s.content.text}"`);
  }
  for (const w of a.warnings) lines.push(`! ${w}`);
  return lines.join('\n');
}

export function articleCommand(): Command {
  return new Command('article')
    .description('show a stored article with its coded spans marked: [[source]] {{action}} <<target>>')
    .argument('<id>', 'article id')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(
      new Option('--color <when>', 'colour the spans instead of bracketing them')
        .choices(['auto', 'always', 'never'])
        .default('auto'),
    )
    .action(async (id: string, o: ArticleCliOptions) => {
      process.exitCode = await withStore(o.db, { mustExist: true }, async (store) => {
        const view = await store.article(id);
        if (!view) {
          process.stderr.write(`parley article: no article "${id}" in ${store.location}\n`);
          return EXIT.failed;
        }
        if (o.format === 'json') {
          process.stdout.write(`${JSON.stringify(articleJson(view), null, 2)}\n`);
          return EXIT.ok;
        }
        const ansi =
          o.color === 'always' || (o.color === 'auto' && process.stdout.isTTY && !process.env.NO_COLOR);
        process.stdout.write(`${render(view, ansi ? 'ansi' : 'brackets')}\n`);
        return EXIT.ok;
      });
    });
}
