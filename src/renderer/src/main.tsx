import { createRoot } from 'react-dom/client'
import { installTransport } from './api/client'
import { pickTransport } from './boot/pick-transport'
import { App } from './shell/App'
import { BootError } from './shell/BootError'
import './styles.css'

const rootElement = document.getElementById('root')
if (!rootElement) throw new Error('index.html has no #root')
const root = createRoot(rootElement)

try {
  installTransport(pickTransport())
  root.render(<App rootElement={rootElement} />)
} catch (error) {
  root.render(<BootError message={error instanceof Error ? error.message : String(error)} />)
}
