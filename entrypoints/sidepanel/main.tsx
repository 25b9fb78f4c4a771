import { render } from 'preact';

render(<main>LiveLint</main>, document.getElementById('app')!);
