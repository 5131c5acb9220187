-- Headless Neovim end-to-end run of suricata-lint's language server (test/lsp/neovim.test.ts).
-- Opens $SL_FILE with Neovim's built-in LSP client attached to `node $SL_BIN lsp --stdio`, waits for the
-- diagnostics, applies the server's preferred quick fix for tls-client-hello-gate, writes the file, quits.
-- Whatever happens is written to $SL_RESULT ("ok", or what went wrong); Neovim exits 1 on failure.
local result = vim.env.SL_RESULT
local function finish(message)
  local f = io.open(result, 'w')
  f:write(message)
  f:close()
  if message == 'ok' then vim.cmd('qa!') else vim.cmd('cquit 1') end
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.SL_FILE))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'suricata-lint',
    cmd = { vim.env.SL_NODE, vim.env.SL_BIN, 'lsp', '--stdio' },
    root_dir = vim.fn.fnamemodify(vim.env.SL_FILE, ':p:h'),
  })
  assert(client_id, 'the language server did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)

  local function gate()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local lsp = d.user_data and d.user_data.lsp or {}
      if (d.code or lsp.code) == 'tls-client-hello-gate' then return d, lsp end
    end
  end
  assert(vim.wait(120000, function() return gate() ~= nil end, 50), 'no tls-client-hello-gate diagnostic received')
  local d, lsp = gate()

  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = { lsp } }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 60000)
  assert(responses, 'no answer to textDocument/codeAction')
  local chosen
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      if action.isPreferred and action.edit and action.title:find('tls%-client%-hello%-gate') then chosen = action end
    end
  end
  assert(chosen, 'no preferred quick fix for tls-client-hello-gate')
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
  vim.cmd('write')
end)

if ok then finish('ok') else finish(tostring(err)) end
