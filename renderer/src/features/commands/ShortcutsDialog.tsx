import { COMMANDS } from './commands.js';
import { useMargin } from '../../store/use-margin.js';
import { Modal } from '../../ui/Modal.js';

/** Every shortcut, from the same list the palette uses. */
export function ShortcutsDialog() {
  const close = useMargin((s) => s.closeDialog);
  return (
    <Modal title="Keyboard shortcuts" onClose={close}>
      <table className="shortcut-table">
        <tbody>
          {COMMANDS.filter((c) => c.keys.length > 0).map((c) => (
            <tr key={c.id}>
              <td>
                {c.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' or '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{c.title}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
