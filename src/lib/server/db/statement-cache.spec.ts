import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { cachingStatements, rowMakerFor, rowsAsObjects } from './statement-cache';

describe('statements kysely runs', () => {
	const sqlite = new Database(':memory:');
	sqlite.exec(`create table t (id integer primary key, name text, value real);
		insert into t (name, value) values ('甲', 1.5), ('乙', null), (null, 3)`);
	afterEach(() => sqlite.exec('delete from t where id > 3'));

	const queries = [
		'select * from t order by id',
		'select id as "taskId", name, value * 2 as doubled, null as missing from t where id > ? order by id desc',
		// Two columns of one name: the later one's value, as better-sqlite3's own rows have it.
		'select id as x, name as x from t order by id',
		'select count(*) as n from t',
		'select id from t where id < 0',
		// Names a function made for them must read back as they are.
		`select 1 as "a""b", 2 as "c\\d", 3 as "名称", 4 as "\u2028", 6 as "constructor"`
	];

	it.each(queries)('gives the rows better-sqlite3 gives: %s', (query) => {
		const parameters = query.includes('?') ? [1] : [];
		const expected = sqlite.prepare(query).all(...parameters);
		const statement = rowsAsObjects(sqlite.prepare(query));
		expect(statement.reader).toBe(true);
		expect(statement.all(parameters)).toEqual(expected);
		expect([...statement.iterate(parameters)]).toEqual(expected);
	});

	it('keeps a column named __proto__ as a property, where better-sqlite3 would set the prototype', () => {
		const [row] = rowsAsObjects(sqlite.prepare(`select 1 as a, x'00' as "__proto__"`)).all([]) as object[];
		expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
		expect(Object.keys(row)).toEqual(['a', '__proto__']);
		expect(Object.getOwnPropertyDescriptor(row, '__proto__')?.value).toEqual(Buffer.from([0]));
	});

	it('runs a statement that returns no rows as it is, and returns the rows of one that returns them', () => {
		const insert = rowsAsObjects(sqlite.prepare('insert into t (name, value) values (?, ?)'));
		expect(insert.reader).toBe(false);
		expect(insert.run(['丙', 4])).toMatchObject({ changes: 1 });
		const returning = rowsAsObjects(sqlite.prepare('insert into t (name) values (?) returning id, name'));
		expect(returning.all(['丁'])).toEqual([{ id: 5, name: '丁' }]);
	});

	it('names a star’s columns as the table has them when it runs, after a migration too', () => {
		const database = cachingStatements(new Database(':memory:'));
		database.prepare('create table m (id integer primary key, a text)').run([]);
		database.prepare("insert into m (a) values ('x')").run([]);
		const query = 'select * from m';
		expect(database.prepare(query).all([])).toEqual([{ id: 1, a: 'x' }]);
		database.prepare("alter table m add column b text default 'y'").run([]);
		expect(database.prepare(query).all([])).toEqual([{ id: 1, a: 'x', b: 'y' }]);
		expect([...database.prepare(query).iterate([])]).toEqual([{ id: 1, a: 'x', b: 'y' }]);
		database.close();
	});

	it('keeps one statement per text and reads it the same way each time', () => {
		const database = cachingStatements(new Database(':memory:'));
		const query = 'select 1 as one, ? as two';
		expect(database.prepare(query)).toBe(database.prepare(query));
		expect(database.prepare(query).all([2])).toEqual([{ one: 1, two: 2 }]);
		expect(database.prepare(query).all(['二'])).toEqual([{ one: 1, two: '二' }]);
		database.close();
	});
});

describe('the functions that make rows', () => {
	it('is one function for every statement of the same columns, however many values its list has', () => {
		const sqlite = new Database(':memory:');
		sqlite.exec(
			`create table u (id integer primary key, name text); insert into u (name) values ('甲'), ('乙'), ('丙')`
		);
		const one = sqlite.prepare('select id, name from u where id in (?)');
		const three = sqlite.prepare('select id, name from u where id in (?, ?, ?)');
		const names = (statement: Database.Statement) => statement.columns().map((column) => column.name);
		expect(rowMakerFor(names(one))).toBe(rowMakerFor(names(three)));
		expect(rowMakerFor(['id', 'name'])).not.toBe(rowMakerFor(['name', 'id']));
		expect(rowsAsObjects(three).all([1, 2, 3])).toEqual(sqlite.prepare(three.source).all(1, 2, 3));
		sqlite.close();
	});
});
