import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api/client.js';
import { detectTransport } from './api/transport.js';
import { App } from './app/App.js';
import { createMarginStore } from './app/create-store.js';
import { StoreContext } from './store/use-margin.js';
import './styles.css';

const api = createApi(detectTransport());
const store = createMarginStore(api);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App api={api} />
    </StoreContext.Provider>
  </StrictMode>,
);
