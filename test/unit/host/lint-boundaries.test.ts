import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint()

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('lint enforces the process boundaries', () => {
  it('the renderer may not import electron, node built-ins, ioredis or src/main', async () => {
    const file = 'src/renderer/src/views/agents/Probe.ts'
    expect(await restrictedImports(file, "import 'electron'\n")).toHaveLength(1)
    expect(await restrictedImports(file, "import 'node:fs'\n")).toHaveLength(1)
    expect(await restrictedImports(file, "import 'fs'\n")).toHaveLength(1)
    expect(await restrictedImports(file, "import 'ioredis'\n")).toHaveLength(1)
    expect(await restrictedImports(file, "import '../../../../main/app/app-session'\n")).toHaveLength(1)
    expect(await restrictedImports(file, "import '../../../../shared/api'\n")).toHaveLength(0)
  })

  it('src/shared imports neither side', async () => {
    const file = 'src/shared/probe.ts'
    expect(await restrictedImports(file, "import '../main/api/dispatch'\n")).toHaveLength(1)
    expect(await restrictedImports(file, "import '../renderer/src/api/client'\n")).toHaveLength(1)
    expect(await restrictedImports(file, "import 'node:crypto'\n")).toHaveLength(1)
  })

  it('runtime/ and inspector/ never import electron', async () => {
    expect(await restrictedImports('src/main/runtime/probe.ts', "import 'electron'\n")).toHaveLength(1)
    expect(await restrictedImports('src/main/inspector/probe.ts', "import 'electron'\n")).toHaveLength(1)
    expect(await restrictedImports('src/main/host/probe.ts', "import 'electron'\n")).toHaveLength(0)
  })
})
