import { createApp } from 'vue';
import 'chanrong/define';
import App from './App.vue';

createApp(App).mount('#app');
