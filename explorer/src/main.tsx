import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import './explorer.css';
import { Explorer } from './Explorer';
import { readExplorerConfig } from './explorerConfig';
import { setupWorkers } from './setupWorkers';

const config = readExplorerConfig();
setupWorkers(config.assets);
const root = document.getElementById('explorer');
if (root) createRoot(root).render(<Explorer config={config} />);
