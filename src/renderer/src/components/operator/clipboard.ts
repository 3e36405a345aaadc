import { showToast } from './toasts'

/** Copies text; falls back to a hidden textarea where the Clipboard API is refused. */
export async function copyText(text: string, what = 'text'): Promise<void> {
  try {
    await navigator.clipboard.writeText(text)
  } catch {
    const area = document.createElement('textarea')
    area.value = text
    area.style.position = 'fixed'
    area.style.opacity = '0'
    document.body.appendChild(area)
    area.select()
    document.execCommand('copy')
    area.remove()
  }
  showToast(`Copied ${what}`, 'info')
}
