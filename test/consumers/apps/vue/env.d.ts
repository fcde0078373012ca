/// <reference types="chanrong/vue" />
