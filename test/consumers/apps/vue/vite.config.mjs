import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// Vue must leave the chanrong-* tags to the browser instead of resolving them as Vue components.
export default defineConfig({
  base: './',
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('chanrong-') } } })],
});
