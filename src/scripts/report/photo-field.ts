/**
 * The photos question with JS: each chosen file is checked (type, size,
 * number), made smaller (photos.ts) and kept in IndexedDB with the draft
 * (draft.ts), then listed with its size and a delete button. Refused files
 * are named in the question's error message; the others are kept.
 */
import { checkPhotoFiles } from '../../lib/report.ts';
import { clearError, setFieldError } from '../form-errors.ts';
import { deletePhoto, loadPhotos, savePhoto, type StoredPhoto } from './draft.ts';
import { resizePhoto } from './photos.ts';

export class PhotoField {
  /** The photos kept, in the order they were added. */
  photos: StoredPhoto[] = [];
  private urls: string[] = [];
  private readonly root: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly list: HTMLElement;
  private readonly status: HTMLElement;

  constructor(root: HTMLElement) {
    this.root = root;
    this.input = root.querySelector<HTMLInputElement>('#r-photos')!;
    this.list = root.querySelector<HTMLElement>('[data-photo-list]')!;
    this.status = root.querySelector<HTMLElement>('[data-photo-status]')!;
  }

  /** Show the draft's photos once `ready` (an expired draft's photos are deleted first), then take new ones. */
  async setup(ready: Promise<void>): Promise<void> {
    await ready;
    this.photos = await loadPhotos();
    this.render();
    this.input.addEventListener('change', () => void this.add([...(this.input.files ?? [])]));
  }

  private async add(files: File[]): Promise<void> {
    this.input.value = '';
    const { accepted, refused } = checkPhotoFiles(files, this.photos.length);
    const problems = refused.map((r) => `${r.file.name}：${r.message}`);
    this.status.textContent = accepted.length ? '正在处理照片……' : '';
    for (const file of accepted) {
      try {
        const photo = {
          id: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
          name: file.name,
          blob: await resizePhoto(file),
        };
        await savePhoto(photo);
        this.photos.push(photo);
      } catch {
        problems.push(`${file.name}：无法读取这张照片，请换一张 JPG 或 PNG 照片`);
      }
    }
    if (problems.length) setFieldError(this.root, 'photos', problems.join('；'));
    else clearError(this.root, 'photos');
    this.render();
    this.status.textContent = `已附 ${this.photos.length} 张照片${problems.length ? `，${problems.length} 张未能添加` : ''}。`;
  }

  /** Forget the photos shown (the draft's store is cleared by its owner). */
  clear(): void {
    this.photos = [];
    this.render();
  }

  private render(): void {
    for (const u of this.urls) URL.revokeObjectURL(u);
    this.urls = [];
    this.list.replaceChildren(
      ...this.photos.map((p, i) => {
        const li = document.createElement('li');
        const img = document.createElement('img');
        img.src = URL.createObjectURL(p.blob);
        this.urls.push(img.src);
        img.alt = `照片 ${i + 1}`;
        const text = document.createElement('span');
        text.textContent = `照片 ${i + 1}（${Math.max(1, Math.round(p.blob.size / 1024))} KB）`;
        const del = document.createElement('button');
        del.type = 'button';
        del.className = 'hz-button hz-button-secondary';
        del.textContent = `删除照片 ${i + 1}`;
        del.addEventListener('click', async () => {
          await deletePhoto(p.id);
          this.photos = this.photos.filter((x) => x !== p);
          this.render();
          this.status.textContent = `已删除照片 ${i + 1}，还有 ${this.photos.length} 张。`;
          this.input.focus();
        });
        li.append(img, text, del);
        return li;
      }),
    );
  }
}
