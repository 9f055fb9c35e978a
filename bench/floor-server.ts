/**
 * The floor of the language-server measurements: a server on the same library as Lexicite's
 * (vscode-languageserver over stdio) that analyses nothing. It answers `initialize` and every
 * hover at once with the same text. bench/run.mjs bundles it like the real server and times
 * its hovers and its start with the same client, in the same run, so that the hover and
 * cold-start goals can be read against what the library, Node and this machine take anyway.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';

const connection = createConnection(ProposedFeatures.all);
connection.onInitialize(() => ({ capabilities: { hoverProvider: true } }));
connection.onHover(() => ({ contents: { kind: 'markdown', value: 'A fixed answer.' } }));
connection.listen();
