import { passwordProblem, hashPassword, verifyPassword } from '../src/server/modules/identity/passwords.ts';
for (const p of ['short', 'password1234', 'qwertyuiop123', 'aaaaaaaaaaaa', 'Jean Dupont 1990', 'velvet-orchid-sunrise-47', 'correct horse battery staple']) console.log(p, '=>', passwordProblem(p, ['Jean', 'Dupont']));
let t = Date.now(); const h = await hashPassword('velvet-orchid-sunrise-47'); console.log('hash ms', Date.now()-t); t=Date.now(); console.log(await verifyPassword(h,'velvet-orchid-sunrise-47'), Date.now()-t);
