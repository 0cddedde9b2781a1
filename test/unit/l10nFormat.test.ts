/** util/l10n.ts's `format`: a message's placeholders filled from its arguments, and left as written when missing. */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { format } from '../../server/src/service/util/l10n';

test('fills every placeholder, repeated ones too, and keeps the text around them', () => {
  assert.equal(format('"{tag}" is near "{known}" ({tag})', { tag: 'LLm', known: 'LLM' }), '"LLm" is near "LLM" (LLm)');
  assert.equal(format('{a}{b}', { a: 1, b: 2 }), '12');
  assert.equal(format('文字写的是“{said}”', { said: '项目主页' }), '文字写的是“项目主页”');
});

test('a placeholder without an argument stays as written; no arguments: the template itself', () => {
  assert.equal(format('{known} is used in {count} issues', { known: 'LLM' }), 'LLM is used in {count} issues');
  assert.equal(format('no {args} here'), 'no {args} here');
  assert.equal(format('plain', { x: 1 }), 'plain');
});

test("arguments are inserted as they are: no $ patterns, no braces read again", () => {
  assert.equal(format('[{text}]', { text: "$& $1 $' {text}" }), "[$& $1 $' {text}]");
  assert.equal(format('{a}', { a: '{b}', b: 'x' }), '{b}');
});

test('the same template with other arguments (the parts are kept per template)', () => {
  for (let i = 0; i < 3; i++) assert.equal(format('n={n}.', { n: i }), `n=${i}.`);
  assert.equal(format('{ not a name } {x}', { x: 'y' }), '{ not a name } y');
});
