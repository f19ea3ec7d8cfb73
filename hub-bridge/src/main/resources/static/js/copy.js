// "Copy" buttons: each copies the text of the element its data-copy names, and says so (in the words of
// its data-copied and data-selected, which the page gives in its language).
document.addEventListener('click', async (event) => {
  const button = event.target.closest('button.copy[data-copy]');
  if (!button) return;
  const source = document.getElementById(button.dataset.copy);
  if (!source) return;
  const text = source.textContent.trim();
  const label = button.textContent;
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = button.dataset.copied || 'Copied';
  } catch (refused) {
    // No clipboard (a page over plain http, or a browser that asks): select the text to copy by hand.
    const range = document.createRange();
    range.selectNodeContents(source);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    button.textContent = button.dataset.selected || 'Selected: press Ctrl+C';
  }
  setTimeout(() => { button.textContent = label; }, 2500);
});
