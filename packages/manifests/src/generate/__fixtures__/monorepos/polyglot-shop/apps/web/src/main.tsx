import { createRoot } from 'react-dom/client';
import { Button } from '@shop/ui';

const api = import.meta.env.VITE_API_URL;
createRoot(document.getElementById('root')!).render(<Button label={`Shop (${api})`} />);
