import { defineMessages } from '../i18n.ts';

// Texts of the product editor, Chinese first.
export const te = defineMessages({
  zh: {
    title: '编辑商品：{name}',
    name: '商品名称', aliases: '别名（每行一个）', category: '类目',
    live: '直播价（元）', refAmount: '划线价（元）', refFrom: '划线价开始日期', refTo: '划线价结束日期',
    facts: '参数', attribute: '属性', value: '值', unit: '单位', addFact: '添加参数', removeRow: '删除第 {n} 行',
    approved: '可用宣称（每行一个）', forbidden: '禁用宣称（每行一个）',
    points: '卖点', pointText: '卖点', priority: '优先级（1 必说 … 5）', says: '关键词（用 | 分隔）', addPoint: '添加卖点',
    disclosures: '必须声明（每行一个）',
    faq: '问答', questions: '问题关键词（用 | 分隔）', answer: '回答', addFaq: '添加问答',
    save: '保存', cancel: '取消', invalid: '有 {n} 处需要修改，未保存。', row: '第 {n} 行',
    delete: '删除商品', confirmDelete: '确定删除「{name}」？删除后不能恢复。', confirmYes: '确定删除', confirmNo: '保留',
    edit: '编辑', editLabel: '编辑当前商品',
  },
  en: {
    title: 'Edit product: {name}',
    name: 'Product name', aliases: 'Aliases (one per line)', category: 'Category',
    live: 'Live price (yuan)', refAmount: 'Reference price (yuan)', refFrom: 'Reference price from', refTo: 'Reference price to',
    facts: 'Facts', attribute: 'Attribute', value: 'Value', unit: 'Unit', addFact: 'Add fact', removeRow: 'Remove row {n}',
    approved: 'Approved claims (one per line)', forbidden: 'Forbidden claims (one per line)',
    points: 'Selling points', pointText: 'Selling point', priority: 'Priority (1 must say … 5)', says: 'Words (separated by |)', addPoint: 'Add selling point',
    disclosures: 'Required disclosures (one per line)',
    faq: 'FAQ', questions: 'Question patterns (separated by |)', answer: 'Answer', addFaq: 'Add FAQ entry',
    save: 'Save', cancel: 'Cancel', invalid: '{n} fields need fixing; nothing was saved.', row: 'Row {n}',
    delete: 'Delete product', confirmDelete: 'Delete "{name}"? This cannot be undone.', confirmYes: 'Delete', confirmNo: 'Keep',
    edit: 'Edit', editLabel: 'Edit the current product',
  },
});
