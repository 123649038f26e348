// The HTML report's only script, inlined in the page: it shows the filters of the decisions table
// (text, status, pattern) and makes its column headers sort. The page reads without it: the
// filters are hidden until it runs, and the table is in the set's order. It reads everything from
// the table itself (data-status, data-patterns, data-key), so no ADR text is ever in the script.
export const REPORT_SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('decisions');
  var form = document.getElementById('filters');
  if (!table || !form) return;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var text = document.getElementById('f-text');
  var status = document.getElementById('f-status');
  var pattern = document.getElementById('f-pattern');
  var count = document.getElementById('f-count');
  var words = rows.map(function (row) { return row.textContent.toLowerCase(); });
  var patterns = rows.map(function (row) { return JSON.parse(row.getAttribute('data-patterns') || '[]'); });
  function apply() {
    var wanted = text.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row, i) {
      var ok = (!wanted || words[i].indexOf(wanted) >= 0) &&
        (!status.value || row.getAttribute('data-status') === status.value) &&
        (!pattern || !pattern.value || patterns[i].indexOf(pattern.value) >= 0);
      row.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown === rows.length ? rows.length + ' decisions' : shown + ' of ' + rows.length + ' decisions';
  }
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
  function key(row, column) {
    var cell = row.cells[column];
    var value = cell.hasAttribute('data-key') ? cell.getAttribute('data-key') : cell.textContent.trim().toLowerCase();
    return value;
  }
  function compare(a, b) {
    if (a === b) return 0;
    if (a === '') return 1;
    if (b === '') return -1;
    var x = Number(a), y = Number(b);
    if (!isNaN(x) && !isNaN(y)) return x - y;
    return a < b ? -1 : 1;
  }
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  headers.forEach(function (th, column) {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', function () {
      var descending = th.getAttribute('aria-sort') === 'ascending';
      headers.forEach(function (other) { other.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      var order = rows.map(function (row, i) { return { row: row, key: key(row, column), i: i }; });
      order.sort(function (a, b) {
        var c = compare(a.key, b.key);
        if (c === 0) return a.i - b.i;
        return descending ? (a.key === '' ? 1 : b.key === '' ? -1 : -c) : c;
      });
      var body = table.tBodies[0];
      order.forEach(function (entry) { body.appendChild(entry.row); });
    });
  });
})();
`;
